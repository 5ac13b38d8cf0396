package dev.drama.scenarios;

import java.util.Objects;

/**
 * One thing wrong with a pack: where it is (file inside the pack, 1-based line and column;
 * 0 when the problem concerns the whole file), what is wrong and how to fix it.
 */
public record Problem(Severity severity, String file, int line, int column, String message, String fix) {

    public enum Severity {
        ERROR, WARNING;

        public String word() {
            return this == ERROR ? "error" : "warning";
        }
    }

    public Problem {
        Objects.requireNonNull(severity, "severity");
        file = file == null ? "" : file;
        message = message == null ? "" : message;
        fix = fix == null ? "" : fix;
        line = Math.max(0, line);
        column = Math.max(0, column);
    }

    public static Problem error(String file, int line, int column, String message, String fix) {
        return new Problem(Severity.ERROR, file, line, column, message, fix);
    }

    public static Problem warning(String file, int line, int column, String message, String fix) {
        return new Problem(Severity.WARNING, file, line, column, message, fix);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code FILE:LINE:COL: error: WHAT} (line and column left out when 0). */
    public String headline() {
        StringBuilder b = new StringBuilder(file);
        if (line > 0) {
            b.append(':').append(line);
            if (column > 0) b.append(':').append(column);
        }
        return b.append(": ").append(severity.word()).append(": ").append(message).toString();
    }

    /** The headline, then {@code   fix: HOW} on a second line when there is a fix. */
    @Override
    public String toString() {
        return fix.isEmpty() ? headline() : headline() + "\n    fix: " + fix;
    }
}
