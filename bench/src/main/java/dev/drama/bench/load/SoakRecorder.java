package dev.drama.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The server's memory over a long drama phase, sampled on a thread of its own: every
 * {@code sampleMillis}, heap in use, heap after the latest collection (whatever the JVM chose
 * to run; no pause forced) and resident set size (VmRSS of the server's process, from
 * /proc/PID/status); every {@code fullGcMillis}, heap after a forced full GC, the one figure
 * that says what is retained. Written at the end as a CSV and an SVG chart side by side.
 */
final class SoakRecorder {
    /** One sample; {@code heapAfterFullGc} is -1 where no full GC was forced. */
    record Row(double seconds, long moves, double movesPerSecond, long heapUsed, long heapAfterLastGc,
               long heapAfterFullGc, long rss) {
    }

    /** What was written, and the trend of retained heap and RSS (bytes per minute, least squares). */
    record Result(Path csv, Path svg, List<Row> rows, double fullGcSlope, double rssSlope) {
    }

    private final Target target;
    private final LongSupplier moves;
    private final long sampleMillis;
    private final long fullGcMillis;
    private final List<Row> rows = new ArrayList<>();
    private final java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
    private Thread thread;
    private long start;

    SoakRecorder(Target target, LongSupplier moves, long sampleMillis, long fullGcMillis) {
        this.target = target;
        this.moves = moves;
        this.sampleMillis = sampleMillis;
        this.fullGcMillis = fullGcMillis;
    }

    void start() {
        start = System.nanoTime();
        thread = new Thread(this::sampleUntilStopped, "soak-recorder");
        thread.setDaemon(true);
        thread.start();
    }

    private void sampleUntilStopped() {
        long lastMoves = moves.getAsLong(), lastAt = start, nextFullGc = start + fullGcMillis * 1_000_000L;
        while (true) {
            try {
                // not interrupted to stop: a sample under way (a full GC) finishes and is kept
                if (stopped.await(sampleMillis, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime(), m = moves.getAsLong();
            long full = -1;
            if (fullGcMillis > 0 && now >= nextFullGc) {
                full = target.heapAfterGc();
                nextFullGc += fullGcMillis * 1_000_000L;
            }
            Target.Memory memory = target.memory();
            Row row = new Row((now - start) / 1e9, m, (m - lastMoves) / ((now - lastAt) / 1e9), memory.heapUsed(),
                    memory.heapAfterLastGc(), full, rss(target.pid()));
            synchronized (rows) {
                rows.add(row);
            }
            lastMoves = m;
            lastAt = now;
        }
    }

    /** Resident set size of a process in bytes (VmRSS in /proc/PID/status), or -1 where there is no /proc. */
    static long rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return 1024 * Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process is gone
        }
        return -1;
    }

    /** Stops sampling and writes {@code <name>.csv} and {@code <name>.svg} into {@code dir}. */
    Result stop(Path dir, String name, String description) throws InterruptedException {
        stopped.countDown();
        thread.join(30_000);
        List<Row> all;
        synchronized (rows) {
            all = List.copyOf(rows);
        }
        try {
            Files.createDirectories(dir);
            Path csv = dir.resolve(name + ".csv"), svg = dir.resolve(name + ".svg");
            Files.writeString(csv, csv(all));
            Files.writeString(svg, chart(all, name, description).render());
            return new Result(csv, svg, all, slope(all, Row::heapAfterFullGc), slope(all, Row::rss));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String csv(List<Row> rows) {
        StringBuilder s = new StringBuilder("seconds,moves,moves_per_s,heap_used_mib,heap_after_last_gc_mib,"
                + "heap_after_full_gc_mib,rss_mib\n");
        for (Row r : rows) {
            s.append(String.format(Locale.ROOT, "%.1f,%d,%.0f,%.1f,%.1f,%s,%s%n", r.seconds(), r.moves(),
                    r.movesPerSecond(), mib(r.heapUsed()), mib(r.heapAfterLastGc()),
                    r.heapAfterFullGc() < 0 ? "" : String.format(Locale.ROOT, "%.1f", mib(r.heapAfterFullGc())),
                    r.rss() < 0 ? "" : String.format(Locale.ROOT, "%.1f", mib(r.rss()))));
        }
        return s.toString();
    }

    static SvgChart chart(List<Row> rows, String name, String description) {
        return new SvgChart("Server memory over the soak: " + name, description, "seconds into the drama phase", "MiB")
                .add(new SvgChart.Series("resident set (RSS)", "#d62728", points(rows, Row::rss), false))
                .add(new SvgChart.Series("heap in use", "#c7c7c7", points(rows, Row::heapUsed), false))
                .add(new SvgChart.Series("heap after latest GC", "#1f77b4", points(rows, Row::heapAfterLastGc), false))
                .add(new SvgChart.Series("heap after full GC", "#2ca02c", points(rows, Row::heapAfterFullGc), true));
    }

    private static List<double[]> points(List<Row> rows, java.util.function.ToLongFunction<Row> bytes) {
        List<double[]> points = new ArrayList<>();
        for (Row r : rows) {
            long b = bytes.applyAsLong(r);
            if (b >= 0) {
                points.add(new double[] {r.seconds(), mib(b)});
            }
        }
        return points;
    }

    /** Least-squares slope of a figure over time, in bytes per minute (NaN with fewer than two points). */
    static double slope(List<Row> rows, java.util.function.ToLongFunction<Row> bytes) {
        double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (Row r : rows) {
            long b = bytes.applyAsLong(r);
            if (b >= 0) {
                double x = r.seconds() / 60;
                n++;
                sx += x;
                sy += b;
                sxx += x * x;
                sxy += x * b;
            }
        }
        double d = n * sxx - sx * sx;
        return n < 2 || d == 0 ? Double.NaN : (n * sxy - sx * sy) / d;
    }

    static double mib(long bytes) {
        return bytes / 1048576.0;
    }
}
