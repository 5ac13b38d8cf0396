package dev.drama.cli.net;

/** A command's reply will never come: the connection dropped (or was closed) first. */
public final class ConnectionLostException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConnectionLostException(String message) {
        super(message);
    }
}
