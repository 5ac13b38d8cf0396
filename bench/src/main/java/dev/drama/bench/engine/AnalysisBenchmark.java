package dev.drama.bench.engine;

import dev.drama.engine.Analysis;
import dev.drama.engine.Board;
import dev.drama.engine.Dilemma;
import dev.drama.engine.DilemmaEngine;
import dev.drama.engine.SearchMemo;
import dev.drama.engine.WayOut;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Full analysis (the six rules, option-level detail, ways out searched and checked,
 * explanations) of one board, per board size "characters x options". 2x16 and 4x32 give
 * each character 8 options, the most one owns: their cost shows the growth with options
 * owned, against 8x32 (4 each) with the same total.
 *
 * <p>{@code analyse} is the full analysis; {@code analyseAfterMove} what a session pays after one
 * character's move (the searches the move did not touch come from a {@code SearchMemo});
 * {@code analyseAndReadTexts} a full analysis with every text written.
 *
 * <pre>java -jar bench/target/benchmarks.jar AnalysisBenchmark -f 1 -wi 3 -i 5 -w 1 -r 1 -prof gc</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AnalysisBenchmark {

    @Param({"2x2", "3x6", "4x8", "6x16", "8x32", "2x16", "4x32"})
    public String size;

    /** See {@link BoardGenerator}: "typical" positions, or "dense" (everyone fixes most of everything). */
    @Param({"typical", "dense"})
    public String profile;

    private Board board;
    /** The board, and the board after one character's move: a session alternates between them. */
    private Board[] session;
    private SearchMemo memo;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        board = BoardGenerator.board(size, profile, 42);
        session = new Board[] {board, BoardGenerator.afterOneMove(board)};
        memo = new SearchMemo();
    }

    /** A full analysis: every rule, every way out searched; texts are written when read (see {@link #analyseAndReadTexts}). */
    @Benchmark
    public Analysis analyse() {
        return DilemmaEngine.analyse(board);
    }

    /**
     * The analysis a session runs after a move: one character's position changed since the last
     * analysis, whose searches the memo keeps. Equal to a full analysis of the same board.
     */
    @Benchmark
    public Analysis analyseAfterMove() {
        next ^= 1;
        return DilemmaEngine.analyse(session[next], memo);
    }

    /** A full analysis with every explanation and way-out description read (a whole report, as {@code drama analyse} prints). */
    @Benchmark
    public long analyseAndReadTexts() {
        return readTexts(DilemmaEngine.analyse(board));
    }

    static long readTexts(Analysis analysis) {
        long chars = 0;
        for (Dilemma d : analysis.dilemmas()) {
            chars += d.explanation().length();
            for (WayOut w : d.waysOut()) {
                chars += w.description().length();
            }
        }
        return chars;
    }

    /** Prints each board's dilemma count, to check the boards are busy: {@code java -cp benchmarks.jar dev.drama.bench.engine.AnalysisBenchmark}. */
    public static void main(String[] args) {
        for (String p : new String[] {"typical", "dense"}) {
            for (String s : new String[] {"2x2", "3x6", "4x8", "6x16", "8x32", "2x16", "4x32"}) {
                Analysis a = DilemmaEngine.analyse(BoardGenerator.board(s, p, 42));
                long ways = a.dilemmas().stream().mapToLong(d -> d.waysOut().size()).sum();
                System.out.println(p + " " + s + ": " + a.dilemmas().size() + " dilemmas, " + ways + " ways out");
            }
        }
    }
}
