package dev.drama.scenarios.load;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value with the line and column (1-based) where it starts in the file.
 * Mappings keep their keys' locations; scalars keep their text and Jackson token kind.
 */
public sealed interface YNode permits YNode.Scalar, YNode.Seq, YNode.Map {

    int line();

    int column();

    /** What kind of value this is, in words, for messages ("a list", "a mapping", "text"...). */
    String kindWords();

    enum ScalarType { STRING, INT, FLOAT, BOOLEAN, NULL }

    /** A scalar; {@code quoted} when written in quotes (so that its text starts one column later). */
    record Scalar(int line, int column, ScalarType type, String text, boolean quoted) implements YNode {
        @Override
        public String kindWords() {
            return switch (type) {
                case STRING -> "text";
                case INT, FLOAT -> "a number";
                case BOOLEAN -> "true/false";
                case NULL -> "nothing";
            };
        }

        public boolean isNull() {
            return type == ScalarType.NULL;
        }
    }

    record Seq(int line, int column, List<YNode> items) implements YNode {
        @Override
        public String kindWords() {
            return "a list";
        }
    }

    record Key(String name, int line, int column) {
    }

    record Entry(Key key, YNode value) {
    }

    /** A mapping in file order. */
    record Map(int line, int column, java.util.Map<String, Entry> entries) implements YNode {
        public Map {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        @Override
        public String kindWords() {
            return "a mapping";
        }

        public YNode get(String key) {
            Entry e = entries.get(key);
            return e == null ? null : e.value();
        }

        public Key key(String key) {
            Entry e = entries.get(key);
            return e == null ? null : e.key();
        }
    }
}
