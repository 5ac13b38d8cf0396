package dev.drama.engine;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The results of the engine's costly searches (best deviations, best responses, the way-out
 * searches) from the last analysis, so that the next analysis of the same session reuses those a
 * move did not touch: a move changes one character's position, intentions or doubts, and every
 * search that reads none of them finds its result here.
 *
 * <p>Why reuse is exact: each search is a pure function of the values it is given (preferences,
 * which are immutable, futures and option lists), and its key is made of exactly those values,
 * compared by content; the search code reads nothing else. A changed board therefore gives
 * different keys wherever it could give a different result.
 *
 * <p>Bounded by construction: an analysis keeps only the entries it used, so the memo holds at most
 * one analysis' worth of results. Not thread-safe: one per session (the session's actor uses it).
 */
public final class SearchMemo {
    /** No reuse: every search runs (a one-off analysis). */
    static final SearchMemo NONE = new SearchMemo(false);

    private final boolean enabled;
    /** The entries the last finished analysis used. */
    private Map<Key, Object> previous = new HashMap<>();
    /** The entries the running analysis has used so far. */
    private Map<Key, Object> current = new HashMap<>();
    private long hits;
    private long misses;

    public SearchMemo() {
        this(true);
    }

    private SearchMemo(boolean enabled) {
        this.enabled = enabled;
    }

    /** Which search a key is for: two searches given the same values compute different things. */
    enum Search {
        BEST_DEVIATION, BEST_RESPONSE, THREATEN, SWEETEN, KEPT_PROMISE
    }

    /**
     * The search's result for these inputs: from the memo if this analysis or the last one asked
     * the same, else computed. The key holds {@code futures} and {@code options} as given (copying
     * them cost as much as the small searches it saves), so they must never be modified afterwards:
     * callers pass the situation's arrays, which are never modified, or arrays made for the call.
     * Results are shared and must not be modified either.
     */
    @SuppressWarnings("unchecked")
    <T> T get(Search search, Preference holder, Preference other, boolean[][] futures, int[][] options, Supplier<T> compute) {
        if (!enabled) {
            return compute.get();
        }
        Key key = new Key(search, holder, other, futures, options);
        Object found = current.get(key);
        if (found == null) {
            found = previous.get(key);
            if (found == null) {
                misses++;
                found = compute.get();
                found = found == null ? NULL : found;
            } else {
                hits++;
            }
            current.put(key, found);
        } else {
            hits++;
        }
        return found == NULL ? null : (T) found;
    }

    /** Ends one analysis: what it used is kept for the next, the rest dropped. */
    void finish() {
        if (enabled) {
            previous = current;
            current = new HashMap<>(Math.max(16, previous.size() * 2));
        }
    }

    /** Searches answered from the memo so far (for tests and benchmarks). */
    public long hits() {
        return hits;
    }

    /** Searches that had to run so far. */
    public long misses() {
        return misses;
    }

    /** Results held for the next analysis. */
    public int size() {
        return previous.size();
    }

    private static final Object NULL = new Object();

    /** A search's inputs, compared by content (preferences by identity: they are immutable). */
    private static final class Key {
        private final Search search;
        private final Preference holder;
        private final Preference other;
        private final boolean[][] futures;
        private final int[][] options;
        private final int hash;

        Key(Search search, Preference holder, Preference other, boolean[][] futures, int[][] options) {
            this.search = search;
            this.holder = holder;
            this.other = other;
            this.futures = futures;
            this.options = options;
            int h = search.ordinal() * 31 + System.identityHashCode(holder);
            h = h * 31 + System.identityHashCode(other);
            h = h * 31 + Arrays.deepHashCode(this.futures);
            this.hash = h * 31 + Arrays.deepHashCode(this.options);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && hash == k.hash && search == k.search && holder == k.holder && other == k.other
                    && Arrays.deepEquals(futures, k.futures) && Arrays.deepEquals(options, k.options);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
