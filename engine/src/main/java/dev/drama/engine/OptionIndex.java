package dev.drama.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Option ids in a fixed order with a lookup, shared by the board and all the futures it makes. */
final class OptionIndex {
    final String[] ids;
    private final Map<String, Integer> positions;

    OptionIndex(List<String> ids) {
        this.ids = ids.toArray(new String[0]);
        this.positions = new HashMap<>(ids.size() * 2);
        for (int i = 0; i < this.ids.length; i++) {
            positions.put(this.ids[i], i);
        }
    }

    int size() {
        return ids.length;
    }

    /** The position of the id, or -1. */
    int indexOf(String id) {
        Integer i = positions.get(id);
        return i == null ? -1 : i;
    }

    OptionIndex plus(String id) {
        List<String> more = new java.util.ArrayList<>(List.of(ids));
        more.add(id);
        return new OptionIndex(more);
    }
}
