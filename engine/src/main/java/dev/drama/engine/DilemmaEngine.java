package dev.drama.engine;

/**
 * Finds the dilemmas of a board (drama-theory.md sections 2 and 5), with ways out and
 * explanations. Pure and deterministic; safe to call from many threads.
 *
 * <p>The futures each dilemma compares ({@code compared} vs {@code against}):
 * persuasion: A^ vs T (as B sees them); rejection: B^ vs T (as A sees them); threat: A's
 * best deviation from T vs T; positioning: B^ vs A^; co-operation: A's best deviation from
 * A^ vs A^; trust: B's best deviation from A^ vs A^ (A^ vs A^ when only a declared doubt
 * gives the dilemma).
 */
public final class DilemmaEngine {
    private DilemmaEngine() {
    }

    public static Analysis analyse(Board board) {
        return new Analyser(board, SearchMemo.NONE).run();
    }

    /**
     * The same analysis, reusing the searches of the previous analysis made with this memo that
     * the board's changes did not touch (a session keeps one memo and passes it after every move).
     * The result is equal to {@link #analyse(Board)}'s, text for text.
     */
    public static Analysis analyse(Board board, SearchMemo memo) {
        return new Analyser(board, java.util.Objects.requireNonNull(memo, "memo")).run();
    }
}
