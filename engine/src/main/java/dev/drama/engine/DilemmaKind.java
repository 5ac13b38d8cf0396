package dev.drama.engine;

import java.util.Locale;

/**
 * The six dilemmas of drama-theory.md section 2. The declaration order is the order of
 * reports: the crisis dilemmas first, then the commitment ones.
 */
public enum DilemmaKind {
    PERSUASION(true), REJECTION(true), THREAT(false), POSITIONING(true), COOPERATION(false), TRUST(true);

    private final boolean hasTowards;
    private final String id;

    DilemmaKind(boolean hasTowards) {
        this.hasTowards = hasTowards;
        this.id = name().toLowerCase(Locale.ROOT);
    }

    /** The lowercase id used in reports and board files: "persuasion", ..., "cooperation", "trust". */
    public String id() {
        return id;
    }

    /** Whether a dilemma of this kind is held towards another character (false for threat and co-operation). */
    public boolean hasTowards() {
        return hasTowards;
    }

    /** The kind with this id, or empty. */
    public static java.util.Optional<DilemmaKind> byId(String id) {
        for (DilemmaKind k : values()) {
            if (k.id.equals(id)) {
                return java.util.Optional.of(k);
            }
        }
        return java.util.Optional.empty();
    }
}
