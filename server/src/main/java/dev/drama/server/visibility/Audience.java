package dev.drama.server.visibility;

import java.util.Set;

/** Who may receive an event. Trainers may receive every audience. */
public sealed interface Audience {
    /** Everyone in the session, observers included. */
    record Everyone() implements Audience {
    }

    /** The players of these characters (and trainers). */
    record Characters(Set<String> characterIds) implements Audience {
    }

    /** Everyone but trainers and the players of these characters (who receive a fuller version of the same news). */
    record Others(Set<String> characterIds) implements Audience {
    }

    /** Trainers only. */
    record Trainers() implements Audience {
    }

    Audience EVERYONE = new Everyone();
    Audience TRAINERS = new Trainers();

    static Audience characters(Set<String> ids) {
        return new Characters(Set.copyOf(ids));
    }

    static Audience character(String id) {
        return new Characters(Set.of(id));
    }
}
