package dev.drama.cli;

import dev.drama.server.ServerConfig;
import picocli.CommandLine.Option;

/** --host and --port, shared by every command that talks to a server. */
public final class ServerAddress {
    @Option(names = "--host", defaultValue = "localhost", description = "server host (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--port", defaultValue = "" + ServerConfig.DEFAULT_PORT,
            description = "server port (default: ${DEFAULT-VALUE})")
    int port;

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }
}
