package dev.drama.engine;

import java.util.Objects;

/** A party in the drama: a person, an organisation or a group. {@code name} is what reports print. */
public record Character(String id, String name) {
    public Character {
        Objects.requireNonNull(id, "id");
        if (name == null || name.isBlank()) {
            name = id;
        }
    }
}
