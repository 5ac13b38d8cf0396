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

    /** Heap in use now and after the latest collection (young or full), without collecting. */
    Memory memory();

    /** The process the servers run in (for its resident set size in /proc). */
    long pid();

    /** One line on where the servers run. */
    String describe();

    @Override
    void close();

    record Memory(long heapUsed, long heapAfterLastGc) {
        /** This JVM's heap now, and what the most recent collection of any collector left in use. */
        static Memory ofThisJvm() {
            com.sun.management.GcInfo latest = null;
            for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof com.sun.management.GarbageCollectorMXBean g) {
                    var info = g.getLastGcInfo();
                    if (info != null && (latest == null || info.getEndTime() > latest.getEndTime())) {
                        latest = info;
                    }
                }
            }
            long after = 0;
            if (latest != null) {
                for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
                    var usage = pool.getType() == java.lang.management.MemoryType.HEAP
                            ? latest.getMemoryUsageAfterGc().get(pool.getName()) : null;
                    after += usage == null ? 0 : usage.getUsed();
                }
            }
            return new Memory(java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), after);
        }
    }

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
                    return memory.getHeapMemoryUsage().getUsed();
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
