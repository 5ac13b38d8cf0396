package dev.drama.scenarios.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Immutable, order-keeping copies. */
final class Copies {
    private Copies() {
    }

    static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    static <K, V> Map<K, V> map(Map<K, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    static Map<String, Map<String, Boolean>> nested(Map<String, Map<String, Boolean>> map) {
        if (map == null) return Map.of();
        LinkedHashMap<String, Map<String, Boolean>> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, map(v)));
        return Collections.unmodifiableMap(copy);
    }

    static String text(String s) {
        return s == null ? "" : s;
    }
}
