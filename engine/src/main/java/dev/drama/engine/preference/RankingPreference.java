package dev.drama.engine.preference;

import dev.drama.engine.Preference;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An explicit ranking of complete futures, best first; unlisted futures rank below all listed
 * ones, tied. Futures are packed into a long (one bit per option), looked up in a table for
 * small boards and by binary search otherwise. Internal: use {@link Preference#ranking(List, int)}.
 */
public final class RankingPreference implements Preference {
    private static final int MAX_TABLE_OPTIONS = 16;
    public static final int MAX_OPTIONS = 62;

    private final int optionCount;
    private final List<List<Boolean>> ranking;
    /** Direct table (small boards): score by packed future. */
    private final int[] table;
    /** Otherwise: sorted packed futures and their scores. */
    private final long[] keys;
    private final int[] scores;

    private RankingPreference(int optionCount, List<List<Boolean>> ranking, int[] table, long[] keys, int[] scores) {
        this.optionCount = optionCount;
        this.ranking = ranking;
        this.table = table;
        this.keys = keys;
        this.scores = scores;
    }

    public static RankingPreference of(List<List<Boolean>> futuresBestFirst, int optionCount) {
        Objects.requireNonNull(futuresBestFirst, "futuresBestFirst");
        if (optionCount < 0 || optionCount > MAX_OPTIONS) {
            throw new IllegalArgumentException("a ranking covers 0 to " + MAX_OPTIONS + " options, not " + optionCount);
        }
        int m = futuresBestFirst.size();
        long[] packed = new long[m];
        for (int i = 0; i < m; i++) {
            List<Boolean> f = futuresBestFirst.get(i);
            if (f == null || f.size() != optionCount) {
                throw new IllegalArgumentException("ranked future " + (i + 1) + " has "
                        + (f == null ? "no" : String.valueOf(f.size())) + " values; expected " + optionCount);
            }
            long p = 0;
            for (int k = 0; k < optionCount; k++) {
                Boolean v = f.get(k);
                if (v == null) {
                    throw new IllegalArgumentException("ranked future " + (i + 1) + " has no value at position " + (k + 1));
                }
                if (v) {
                    p |= 1L << k;
                }
            }
            packed[i] = p;
        }
        List<List<Boolean>> copy = futuresBestFirst.stream().map(List::copyOf).toList();
        if (optionCount <= MAX_TABLE_OPTIONS) {
            int[] table = new int[1 << optionCount];
            for (int i = m - 1; i >= 0; i--) {
                table[(int) packed[i]] = m - i; // best first: earlier listing overwrites a later duplicate
            }
            return new RankingPreference(optionCount, copy, table, null, null);
        }
        long[] keys = new long[m];
        int[] scores = new int[m];
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> x.equals(y) ? 0 : Long.compare(packed[x], packed[y]) != 0
                ? Long.compare(packed[x], packed[y]) : Integer.compare(x, y));
        int n = 0;
        for (int k = 0; k < m; k++) {
            int i = order[k];
            if (n > 0 && keys[n - 1] == packed[i]) {
                continue; // a duplicate listed later keeps the earlier (better) place
            }
            keys[n] = packed[i];
            scores[n] = m - i;
            n++;
        }
        return new RankingPreference(optionCount, copy, null, Arrays.copyOf(keys, n), Arrays.copyOf(scores, n));
    }

    @Override
    public int score(boolean[] future) {
        long p = 0;
        for (int k = 0; k < optionCount; k++) {
            if (future[k]) {
                p |= 1L << k;
            }
        }
        if (table != null) {
            return table[(int) p];
        }
        int at = Arrays.binarySearch(keys, p);
        return at >= 0 ? scores[at] : 0;
    }

    @Override
    public int optionCount() {
        return optionCount;
    }

    public List<List<Boolean>> ranking() {
        return ranking;
    }

    @Override
    public String describe() {
        return "ranking " + ranking;
    }

    @Override
    public String toString() {
        return describe();
    }
}
