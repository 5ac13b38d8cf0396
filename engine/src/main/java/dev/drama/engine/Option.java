package dev.drama.engine;

import java.util.Objects;

/**
 * A yes/no decision owned by exactly one character. {@code statusQuo} is what happens on it
 * when nobody (in particular not its owner) says otherwise.
 */
public record Option(String id, String owner, String label, boolean statusQuo) {
    public Option {
        Objects.requireNonNull(id, "id");
        if (label == null || label.isBlank()) {
            label = id;
        }
    }
}
