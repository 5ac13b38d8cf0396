package dev.drama.bench.engine;

import dev.drama.engine.Analysis;
import dev.drama.engine.Board;
import dev.drama.engine.DilemmaEngine;
import dev.drama.engine.SearchMemo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.ToLongFunction;

/**
 * A companion to {@link AnalysisBenchmark} for shared machines: the thread's CPU time per analysis
 * (best of seven rounds after warm-up), which waiting for a core does not inflate as it does wall
 * time. Not a substitute for JMH on a quiet machine. Columns: a full analysis; the analysis after
 * one character's move with a {@link SearchMemo}; a full analysis with every text read.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.drama.bench.engine.CpuTimeProbe</pre>
 */
public final class CpuTimeProbe {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
    private static long sink;

    private CpuTimeProbe() {
    }

    public static void main(String[] args) {
        System.out.println("profile  size   dilemmas  ways-out  full-us  after-move-us  with-texts-us");
        for (String profile : new String[] {"typical", "dense"}) {
            for (String size : new String[] {"2x2", "3x6", "4x8", "6x16", "8x32", "2x16", "4x32"}) {
                Board board = BoardGenerator.board(size, profile, 42);
                Board[] session = {board, BoardGenerator.afterOneMove(board)};
                SearchMemo memo = new SearchMemo();
                int[] next = {0};
                double full = cpuMicros(b -> DilemmaEngine.analyse(b).dilemmas().size(), board);
                double afterMove = cpuMicros(b -> DilemmaEngine.analyse(session[next[0] ^= 1], memo).dilemmas().size(), board);
                double withTexts = cpuMicros(b -> AnalysisBenchmark.readTexts(DilemmaEngine.analyse(b)), board);
                Analysis a = DilemmaEngine.analyse(board);
                long ways = a.dilemmas().stream().mapToLong(d -> d.waysOut().size()).sum();
                System.out.printf("%-8s %-6s %8d  %8d  %7.1f  %13.1f  %13.1f%n", profile, size, a.dilemmas().size(), ways, full, afterMove,
                        withTexts);
            }
        }
        if (sink == 42) {
            System.out.println(); // keeps the loops' results alive
        }
    }

    private static double cpuMicros(ToLongFunction<Board> analysis, Board board) {
        for (int i = 0; i < 20_000; i++) {
            sink += analysis.applyAsLong(board);
        }
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 7; round++) {
            int n = 3_000;
            long start = MX.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                sink += analysis.applyAsLong(board);
            }
            best = Math.min(best, (MX.getCurrentThreadCpuTime() - start) / 1_000.0 / n);
        }
        return best;
    }
}
