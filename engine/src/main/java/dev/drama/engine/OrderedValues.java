package dev.drama.engine;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/** An immutable option-to-value map in a given order, built once by the engine and shared without copying. */
final class OrderedValues extends AbstractMap<String, Boolean> {
    private final String[] keys;
    private final boolean[] values;

    OrderedValues(String[] keys, boolean[] values) {
        this.keys = keys;
        this.values = values;
    }

    /** The values of {@code x} on the options of {@code options} where it differs from {@code base}. */
    static OrderedValues changes(String[] ids, boolean[] x, boolean[] base, int[] options) {
        int k = 0;
        for (int o : options) {
            if (x[o] != base[o]) {
                k++;
            }
        }
        String[] keys = new String[k];
        boolean[] values = new boolean[k];
        k = 0;
        for (int o : options) {
            if (x[o] != base[o]) {
                keys[k] = ids[o];
                values[k++] = x[o];
            }
        }
        return new OrderedValues(keys, values);
    }

    static OrderedValues copyOf(Map<String, Boolean> m) {
        String[] keys = new String[m.size()];
        boolean[] values = new boolean[m.size()];
        int i = 0;
        for (Map.Entry<String, Boolean> e : m.entrySet()) {
            keys[i] = java.util.Objects.requireNonNull(e.getKey(), "option id");
            values[i++] = java.util.Objects.requireNonNull(e.getValue(), "value");
        }
        return new OrderedValues(keys, values);
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public Boolean get(Object key) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(key)) {
                return values[i];
            }
        }
        return null;
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public Set<Entry<String, Boolean>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Boolean>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    public Entry<String, Boolean> next() {
                        if (next >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(keys[i], values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }
}
