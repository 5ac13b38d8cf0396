package dev.drama.server.session;

import dev.drama.proto.ServerMessage;

/** Where a participant's messages go: its connection. Sending must be safe from any thread. */
public interface Recipient {
    void send(ServerMessage message);

    /**
     * Sends a message already serialised (the same bytes go to every recipient of a
     * broadcast, so they are encoded once). The bytes must not be changed afterwards.
     */
    default void send(ServerMessage message, byte[] encoded) {
        send(message);
    }

    /** Ends the connection (after anything already sent). */
    void close();
}
