package dev.drama.bench.engine;

import dev.drama.engine.Analysis;
import dev.drama.engine.Board;
import dev.drama.engine.DilemmaEngine;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * A companion to {@link AnalysisBenchmark} for shared machines: the thread's CPU time per analysis
 * (best of five rounds after warm-up), which waiting for a core does not inflate as it does wall
 * time. Not a substitute for JMH on a quiet machine.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.drama.bench.engine.CpuTimeProbe</pre>
 */
public final class CpuTimeProbe {
    private CpuTimeProbe() {
    }

    public static void main(String[] args) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long sink = 0;
        System.out.println("profile  size   dilemmas  ways-out  cpu-us/op");
        for (String profile : new String[] {"typical", "dense"}) {
            for (String size : new String[] {"2x2", "3x6", "4x8", "6x16", "8x32", "2x16", "4x32"}) {
                Board board = BoardGenerator.board(size, profile, 42);
                for (int i = 0; i < 20_000; i++) {
                    sink += DilemmaEngine.analyse(board).dilemmas().size();
                }
                double best = Double.MAX_VALUE;
                for (int round = 0; round < 5; round++) {
                    int n = 3_000;
                    long start = mx.getCurrentThreadCpuTime();
                    for (int i = 0; i < n; i++) {
                        sink += DilemmaEngine.analyse(board).dilemmas().size();
                    }
                    best = Math.min(best, (mx.getCurrentThreadCpuTime() - start) / 1_000.0 / n);
                }
                Analysis a = DilemmaEngine.analyse(board);
                long ways = a.dilemmas().stream().mapToLong(d -> d.waysOut().size()).sum();
                System.out.printf("%-8s %-6s %8d  %8d  %9.1f%n", profile, size, a.dilemmas().size(), ways, best);
            }
        }
        if (sink == 42) {
            System.out.println(); // keeps the loop's result alive
        }
    }
}
