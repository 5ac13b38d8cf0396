package dev.drama.cli.net;

import dev.drama.proto.ClientMessage;
import dev.drama.proto.ServerMessage;
import java.util.concurrent.CompletableFuture;

/** What a console needs of its connection: send a command, get its reply; and hang up. */
public interface ServerLink extends AutoCloseable {

    /**
     * Numbers the command (request_id) and sends it, or queues it while the connection is
     * being re-established. The future completes with the reply carrying the same id (an
     * Error reply included), after the reply has been handed to the listener; it fails with
     * {@link ConnectionLostException} when the connection drops before the reply arrives.
     */
    CompletableFuture<ServerMessage> send(ClientMessage command);

    @Override
    void close();
}
