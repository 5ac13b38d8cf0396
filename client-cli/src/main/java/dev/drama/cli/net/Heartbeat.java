package dev.drama.cli.net;

import java.time.Duration;

/**
 * Keep-alive policy: a Ping when we have sent nothing for {@code pingEvery}, and the
 * connection is treated as dead after {@code deadAfter} without a byte from the server
 * (a server that is alive answers the pings, so silence means a stuck socket or a
 * vanished peer that TCP alone would not notice for a long time).
 */
public record Heartbeat(Duration pingEvery, Duration deadAfter) {

    public static Heartbeat defaults() {
        return new Heartbeat(Duration.ofSeconds(15), Duration.ofSeconds(45));
    }
}
