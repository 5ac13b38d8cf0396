package dev.drama.server;

/** The running server: bound, serving, closable. */
public final class DramaServer implements AutoCloseable {
    private final ServerConfig config;

    private DramaServer(ServerConfig config) {
        this.config = config;
    }

    /** Binds and starts serving; returns once the port is open. */
    public static DramaServer start(ServerConfig config) {
        throw new UnsupportedOperationException("not written yet");
    }

    /** The bound port (useful when the config asked for port 0). */
    public int port() {
        return config.port();
    }

    /** The trainer secret trainer consoles must present in Hello. */
    public String trainerSecret() {
        throw new UnsupportedOperationException("not written yet");
    }

    /** Blocks until the server is closed. */
    public void awaitClose() throws InterruptedException {
    }

    @Override
    public void close() {
    }
}
