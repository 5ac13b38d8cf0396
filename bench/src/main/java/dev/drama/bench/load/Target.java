package dev.drama.bench.load;

/** The servers under load (the drama server and the echo baseline) and the process they run in. */
interface Target extends AutoCloseable {
    int dramaPort();

    int echoPort();

    String trainerSecret();

    /** Heap in use after a full collection, in bytes. */
    long heapAfterGc();

    /** Process figures now (heap in use without collecting, CPU time, wall time, GC). */
    Sample sample();

    /** One line on where the servers run. */
    String describe();

    @Override
    void close();

    record Sample(long heapUsed, long cpuNanos, long wallNanos, long gcCount, long gcMillis) {
        static Sample ofThisJvm() {
            long count = 0, millis = 0;
            for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
                count += Math.max(0, gc.getCollectionCount());
                millis += Math.max(0, gc.getCollectionTime());
            }
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            return new Sample(java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
                    os.getProcessCpuTime(), System.nanoTime(), count, millis);
        }

        /** Heap after a full GC of this JVM (a few rounds, until it settles). */
        static long heapAfterGcOfThisJvm() {
            var memory = java.lang.management.ManagementFactory.getMemoryMXBean();
            long last = Long.MAX_VALUE;
            for (int i = 0; i < 5; i++) {
                System.gc();
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                long used = memory.getHeapMemoryUsage().getUsed();
                if (Math.abs(last - used) < 256 * 1024) {
                    return used;
                }
                last = used;
            }
            return last;
        }
    }
}
