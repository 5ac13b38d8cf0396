package dev.drama.server.session;

import dev.drama.proto.ServerMessage;

/** Where a participant's messages go: its connection. Sending must be safe from any thread. */
public interface Recipient {
    void send(ServerMessage message);

    /** Ends the connection (after anything already sent). */
    void close();
}
