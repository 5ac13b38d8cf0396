package dev.drama.cli.command;

import dev.drama.proto.Choice;
import java.util.Locale;
import java.util.Optional;

/** The words people may type for an option's value. */
public final class Choices {
    private Choices() {
    }

    /** yes/no/y/n/true/false/1/0, and open (or "-") when {@code openAllowed}. */
    public static Optional<Choice> parse(String word, boolean openAllowed) {
        switch (word.toLowerCase(Locale.ROOT)) {
            case "yes", "y", "true", "1":
                return Optional.of(Choice.YES);
            case "no", "n", "false", "0":
                return Optional.of(Choice.NO);
            case "open", "-":
                return openAllowed ? Optional.of(Choice.OPEN) : Optional.empty();
            default:
                return Optional.empty();
        }
    }

    /** How a value is shown to people. */
    public static String word(Choice choice) {
        return switch (choice) {
            case YES -> "yes";
            case NO -> "no";
            case OPEN -> "open";
            default -> "?";
        };
    }

    public static String word(boolean value) {
        return value ? "yes" : "no";
    }
}
