package dev.drama.engine;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A value for some options, keyed by option id; an absent option is open ("don't care").
 * Immutable. Iteration follows board option order when the future comes from a board, the
 * order of the given map otherwise. Two futures are equal when they fix the same options to
 * the same values, whatever their order.
 */
public final class Future {
    private static final byte OPEN = -1;
    private static final Future EMPTY = new Future(new OptionIndex(java.util.List.of()), new byte[0]);

    private final OptionIndex index;
    /** Per option of the index: OPEN, 0 (false) or 1 (true). Never modified after construction. */
    private final byte[] state;
    private int fixedCount = -1;

    private Future(OptionIndex index, byte[] state) {
        this.index = index;
        this.state = state;
    }

    /** A future with these values, iterated in the map's order. Null keys or values are rejected. */
    public static Future of(Map<String, Boolean> values) {
        Objects.requireNonNull(values, "values");
        if (values.isEmpty()) {
            return EMPTY;
        }
        java.util.List<String> ids = new java.util.ArrayList<>(values.size());
        byte[] state = new byte[values.size()];
        int i = 0;
        for (Map.Entry<String, Boolean> e : values.entrySet()) {
            ids.add(Objects.requireNonNull(e.getKey(), "option id"));
            state[i++] = Objects.requireNonNull(e.getValue(), () -> "value of " + e.getKey()) ? (byte) 1 : (byte) 0;
        }
        return new Future(new OptionIndex(ids), state);
    }

    /** The future that leaves every option open. */
    public static Future empty() {
        return EMPTY;
    }

    /** A complete future over the index, from values in index order. */
    static Future complete(OptionIndex index, boolean[] values) {
        byte[] state = new byte[index.size()];
        for (int i = 0; i < state.length; i++) {
            state[i] = values[i] ? (byte) 1 : (byte) 0;
        }
        Future f = new Future(index, state);
        f.fixedCount = state.length;
        return f;
    }

    /** A partial future over the index: option i is fixed to values[i] where fixed[i]. */
    static Future partial(OptionIndex index, boolean[] fixed, boolean[] values) {
        byte[] state = new byte[index.size()];
        for (int i = 0; i < state.length; i++) {
            state[i] = fixed[i] ? (values[i] ? (byte) 1 : (byte) 0) : OPEN;
        }
        return new Future(index, state);
    }

    /** The value of the option, empty when the option is open (or unknown). */
    public Optional<Boolean> value(String optionId) {
        int i = index.indexOf(optionId);
        if (i < 0 || state[i] == OPEN) {
            return Optional.empty();
        }
        return Optional.of(state[i] == 1);
    }

    public boolean isFixed(String optionId) {
        int i = index.indexOf(optionId);
        return i >= 0 && state[i] != OPEN;
    }

    /** Number of options this future fixes. */
    public int size() {
        int n = fixedCount;
        if (n < 0) {
            n = 0;
            for (byte b : state) {
                if (b != OPEN) {
                    n++;
                }
            }
            fixedCount = n;
        }
        return n;
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    /** The fixed values, unmodifiable, in order. */
    public Map<String, Boolean> values() {
        return new ValuesView();
    }

    public Future with(String optionId, boolean value) {
        Objects.requireNonNull(optionId, "optionId");
        int i = index.indexOf(optionId);
        if (i >= 0) {
            byte[] copy = state.clone();
            copy[i] = value ? (byte) 1 : (byte) 0;
            return new Future(index, copy);
        }
        byte[] copy = Arrays.copyOf(state, state.length + 1);
        copy[state.length] = value ? (byte) 1 : (byte) 0;
        return new Future(index.plus(optionId), copy);
    }

    public Future without(String optionId) {
        int i = index.indexOf(optionId);
        if (i < 0 || state[i] == OPEN) {
            return this;
        }
        byte[] copy = state.clone();
        copy[i] = OPEN;
        return new Future(index, copy);
    }

    /** Whether this future's values were laid out by the given index (fast paths in the engine). */
    boolean sharesIndex(OptionIndex other) {
        return index == other;
    }

    /** Raw value at position i of the index: -1 open, 0 false, 1 true. */
    byte stateAt(int i) {
        return state[i];
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Future other)) {
            return false;
        }
        if (other.index == index) {
            return Arrays.equals(state, other.state);
        }
        return values().equals(other.values());
    }

    @Override
    public int hashCode() {
        int h = 0;
        for (int i = 0; i < state.length; i++) {
            if (state[i] != OPEN) {
                h += index.ids[i].hashCode() ^ Boolean.hashCode(state[i] == 1);
            }
        }
        return h;
    }

    @Override
    public String toString() {
        return new LinkedHashMap<>(values()).toString();
    }

    private final class ValuesView extends AbstractMap<String, Boolean> {
        @Override
        public Set<Entry<String, Boolean>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, Boolean>> iterator() {
                    return new Iterator<>() {
                        private int next = advance(0);

                        private int advance(int from) {
                            int i = from;
                            while (i < state.length && state[i] == OPEN) {
                                i++;
                            }
                            return i;
                        }

                        @Override
                        public boolean hasNext() {
                            return next < state.length;
                        }

                        @Override
                        public Entry<String, Boolean> next() {
                            if (next >= state.length) {
                                throw new NoSuchElementException();
                            }
                            Entry<String, Boolean> e = new SimpleImmutableEntry<>(index.ids[next], state[next] == 1);
                            next = advance(next + 1);
                            return e;
                        }
                    };
                }

                @Override
                public int size() {
                    return Future.this.size();
                }
            };
        }

        @Override
        public Boolean get(Object key) {
            if (!(key instanceof String id)) {
                return null;
            }
            int i = index.indexOf(id);
            return i < 0 || state[i] == OPEN ? null : state[i] == 1;
        }

        @Override
        public boolean containsKey(Object key) {
            return get(key) != null;
        }

        @Override
        public int size() {
            return Future.this.size();
        }
    }
}
