package dev.drama.engine;

/**
 * devC(F, S): the futures that differ from F only on the options in S (all owned by C). Walks
 * them in Gray-code order, flipping one option per step, so it scores 2^|S| - 1 futures with
 * one scratch array. |S| is at most the number of options one character owns.
 */
final class Deviations {
    /** Above this many options the walk would take too long; boards refuse more (characters own far fewer in practice). */
    static final int MAX_OPTIONS = Board.MAX_OPTIONS_PER_CHARACTER;

    private Deviations() {
    }

    /**
     * The deviation C scores highest, if that score beats {@code baseScore}; else null. Ties keep
     * the first found, so the result is deterministic. Deviates on {@code options[0..count)};
     * {@code work} is overwritten.
     */
    static boolean[] best(Preference p, boolean[] base, int[] options, int count, int baseScore, boolean[] work) {
        int k = count;
        if (k > MAX_OPTIONS) {
            throw new IllegalStateException("character owns " + k + " options on one decision; at most " + MAX_OPTIONS + " are supported");
        }
        boolean[] scratch = work;
        System.arraycopy(base, 0, scratch, 0, base.length);
        int bestScore = baseScore;
        int bestGray = 0;
        int steps = 1 << k;
        for (int i = 1; i < steps; i++) {
            int bit = Integer.numberOfTrailingZeros(i);
            int o = options[bit];
            scratch[o] = !scratch[o];
            int score = p.score(scratch);
            if (score > bestScore) {
                bestScore = score;
                bestGray = i ^ (i >>> 1);
            }
        }
        if (bestGray == 0) {
            return null;
        }
        boolean[] result = base.clone();
        for (int j = 0; j < k; j++) {
            if ((bestGray >>> j & 1) != 0) {
                result[options[j]] = !result[options[j]];
            }
        }
        return result;
    }

    /**
     * {@link #best}, from the memo when an earlier analysis of the session asked the same (the key:
     * the preference, the base future and the options; {@code baseScore} must be p's score of it).
     */
    static boolean[] best(SearchMemo memo, Preference p, boolean[] base, int[] options, int count, int baseScore, boolean[] work) {
        if (memo == SearchMemo.NONE) {
            return best(p, base, options, count, baseScore, work);
        }
        int[] over = java.util.Arrays.copyOf(options, count);
        return memo.get(SearchMemo.Search.BEST_DEVIATION, p, null, new boolean[][] {base}, new int[][] {over},
                () -> best(p, base, over, over.length, p.score(base), work));
    }

    /**
     * Whether some deviation scores above {@code baseScore}: {@link #best} is non-null exactly when
     * this is true, but this stops at the first one found (a promise search asks this of every
     * candidate and only needs yes or no). {@code work} is overwritten.
     */
    static boolean anyBetter(Preference p, boolean[] base, int[] options, int count, int baseScore, boolean[] work) {
        if (count > MAX_OPTIONS) {
            throw new IllegalStateException("character owns " + count + " options on one decision; at most " + MAX_OPTIONS + " are supported");
        }
        System.arraycopy(base, 0, work, 0, base.length);
        for (int i = 1, steps = 1 << count; i < steps; i++) {
            int o = options[Integer.numberOfTrailingZeros(i)];
            work[o] = !work[o];
            if (p.score(work) > baseScore) {
                return true;
            }
        }
        return false;
    }
}
