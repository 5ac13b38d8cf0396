package dev.drama.engine;

import java.util.Objects;

/**
 * A yes/no decision owned by exactly one character. {@code statusQuo} is what happens on it
 * when nobody (in particular not its owner) says otherwise. {@code shortLabel} is how advice
 * names it, so that a sentence naming several options stays readable; it defaults to the label.
 */
public record Option(String id, String owner, String label, boolean statusQuo, String shortLabel) {
    public Option {
        Objects.requireNonNull(id, "id");
        if (label == null || label.isBlank()) {
            label = id;
        }
        if (shortLabel == null || shortLabel.isBlank()) {
            shortLabel = label;
        }
    }

    public Option(String id, String owner, String label, boolean statusQuo) {
        this(id, owner, label, statusQuo, null);
    }
}
