package dev.drama.cli.files;

import java.util.regex.Pattern;

/** Lines a console never writes to its history file: private talk, and anything holding the trainer secret. */
public final class PrivateLines {
    /** /tell ..., and a trainer's /as CHARACTER /tell ... (or tell ...). */
    private static final Pattern TELL = Pattern.compile("^\\s*(?:/tell|/as\\s+(?:\"[^\"]*\"|\\S+)\\s+/?tell)(?:\\s|$)",
            Pattern.CASE_INSENSITIVE);

    private final String secret;

    /** @param secret the trainer secret this console was given (null or empty: none) */
    public PrivateLines(String secret) {
        this.secret = secret == null ? "" : secret;
    }

    public boolean isPrivate(String line) {
        return TELL.matcher(line).find() || !secret.isEmpty() && line.contains(secret);
    }
}
