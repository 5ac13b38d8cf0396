package dev.drama.engine;

/** A board that does not hold together; the message names the character or option and what is wrong. */
public class BoardException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BoardException(String message) {
        super(message);
    }
}
