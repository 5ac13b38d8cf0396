package dev.drama.engine;

import dev.drama.engine.preference.RankingPreference;
import dev.drama.engine.preference.StatementPreference;
import java.util.List;

/**
 * How one character ranks complete futures: higher score is preferred, equal scores tie.
 * Futures are given as {@code boolean[]} in board option order. A preference reads only the
 * first {@link #optionCount()} options, so options added to a board later (a reframing) do
 * not matter to it. Implementations must be immutable, thread-safe and allocation-free in
 * {@link #score(boolean[])}.
 */
public interface Preference {

    int score(boolean[] future);

    /** How many leading board options this preference reads (0: it reads none). */
    default int optionCount() {
        return 0;
    }

    /** The option ids this preference was compiled against, in order; empty when it does not know them. */
    default List<String> optionIds() {
        return List.of();
    }

    /** A readable form of the preference (statements, or the ranking), for reports and debugging. */
    default String describe() {
        return toString();
    }

    /**
     * Prioritised statements (drama-theory.md section 3), most important first:
     * {@code score = sum over satisfied s_i of 2^(m - i)}. At most 31 statements.
     *
     * @param optionIds the board's option ids in board order
     * @throws StatementException naming the statement (its index), the column and the problem
     */
    static Preference statements(List<String> statements, List<String> optionIds) throws StatementException {
        return StatementPreference.compile(statements, optionIds);
    }

    /**
     * An explicit ranking of complete futures, best first, each with {@code optionCount}
     * values in board option order. Futures not listed rank below all listed ones, tied. A
     * future listed twice keeps its first (better) place.
     *
     * @throws IllegalArgumentException when a future does not have {@code optionCount} values
     */
    static Preference ranking(List<List<Boolean>> futuresBestFirst, int optionCount) {
        return RankingPreference.of(futuresBestFirst, optionCount);
    }

    /** A character that does not care: every future ties. */
    static Preference indifferent() {
        return future -> 0;
    }
}
