package dev.drama.scenarios.model;

import dev.drama.engine.Option;

/** A yes/no decision owned by one character. */
public record PackOption(String id, String owner, String label, boolean statusQuo, String description) {
    public PackOption {
        description = Copies.text(description);
    }

    public Option toEngine() {
        return new Option(id, owner, label, statusQuo);
    }
}
