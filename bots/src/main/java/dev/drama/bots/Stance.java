package dev.drama.bots;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The stances of drama-theory practice a computer-played character can take. */
public enum Stance {
    REALIST("takes the ways out that serve its preferences and keeps its threats credible"),
    BLUSTERER("threatens beyond what it would carry out"),
    APPEASER("concedes to end its dilemmas"),
    SCEPTIC("doubts others' promises until they are guaranteed"),
    DEFECTOR("agrees, then breaks agreements where tempted"),
    OPPRESSED("gives way under threat");

    private final String summary;

    Stance(String summary) {
        this.summary = summary;
    }

    /** The word people type: {@code realist}, {@code blusterer}, ... */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** One plain sentence on how the stance plays. */
    public String summary() {
        return summary;
    }

    public static Optional<Stance> parse(String word) {
        String w = word == null ? "" : word.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.name().equals(w)).findFirst();
    }

    /** For error messages: "realist, blusterer, ...". */
    public static String words() {
        return Arrays.stream(values()).map(Stance::word).collect(Collectors.joining(", "));
    }
}
