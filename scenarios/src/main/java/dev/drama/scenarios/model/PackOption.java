package dev.drama.scenarios.model;

import dev.drama.engine.Option;

/** A yes/no decision owned by one character; {@code shortLabel} (optional, "" if none) is how advice names it. */
public record PackOption(String id, String owner, String label, boolean statusQuo, String description, String shortLabel) {
    public PackOption {
        description = Copies.text(description);
        shortLabel = shortLabel == null ? "" : shortLabel;
    }

    public PackOption(String id, String owner, String label, boolean statusQuo, String description) {
        this(id, owner, label, statusQuo, description, "");
    }

    public Option toEngine() {
        return new Option(id, owner, label, statusQuo, shortLabel);
    }
}
