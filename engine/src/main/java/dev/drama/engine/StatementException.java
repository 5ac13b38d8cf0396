package dev.drama.engine;

/**
 * A preference statement that does not parse or names an unknown option. The message says
 * what is wrong and where, e.g. {@code unknown option 'nagg' at column 5; did you mean 'nag'?};
 * {@link #column()} is 1-based (0 when the problem is not at a column, such as too many
 * statements), {@link #statementIndex()} is the 0-based position of the statement in its list
 * (-1 when unknown).
 */
public class StatementException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String statement;
    private final int column;
    private final int statementIndex;

    public StatementException(String message, String statement, int column) {
        this(message, statement, column, -1);
    }

    public StatementException(String message, String statement, int column, int statementIndex) {
        super(message);
        this.statement = statement;
        this.column = column;
        this.statementIndex = statementIndex;
    }

    public int column() {
        return column;
    }

    public String statement() {
        return statement;
    }

    public int statementIndex() {
        return statementIndex;
    }

    /** The same problem, located in a list of statements. */
    public StatementException at(int index) {
        return new StatementException(getMessage(), statement, column, index);
    }
}
