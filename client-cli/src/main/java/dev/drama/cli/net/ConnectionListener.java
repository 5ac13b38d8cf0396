package dev.drama.cli.net;

import dev.drama.proto.ServerMessage;

/** What the connection tells its console; all calls come one at a time, in order, on the delivery executor. */
public interface ConnectionListener {

    /** Every message from the server except the keep-alive pongs, replies included. */
    void onMessage(ServerMessage message);

    /** The connection dropped; reconnection has started. */
    void onConnectionLost(String reason);

    /** Reconnected, said Hello and resumed the session (if there was one). */
    void onReconnected();

    /** Reconnection was abandoned (too long, or the server refused to resume); the link is closed. */
    void onGaveUp(String reason);
}
