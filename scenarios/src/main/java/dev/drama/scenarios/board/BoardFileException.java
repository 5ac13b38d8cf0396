package dev.drama.scenarios.board;

/**
 * A board file that cannot be read: {@link #field()} names where (e.g.
 * {@code preferences.W.statements[1]}, empty for the whole file) and the message says what is
 * wrong, ready to print on one line.
 */
public class BoardFileException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String field;

    public BoardFileException(String field, String problem) {
        super(field == null || field.isEmpty() ? problem : field + ": " + problem);
        this.field = field == null ? "" : field;
    }

    public String field() {
        return field;
    }
}
