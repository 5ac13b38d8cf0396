package dev.drama.bench.load;

/** What a command is, for the per-kind figures. Moves are the player commands; the rest are overhead. */
enum Kind {
    BOARD("read board"),
    POSITION("set position"),
    INTENTIONS("state intentions"),
    OFFER("make offer"),
    RESPOND("accept/reject"),
    SAY("say (public)"),
    TELL("tell (private)"),
    PING("ping (keep-alive)"),
    SETUP("setup");

    final String label;

    Kind(String label) {
        this.label = label;
    }

    boolean isMove() {
        return this != PING && this != SETUP;
    }
}
