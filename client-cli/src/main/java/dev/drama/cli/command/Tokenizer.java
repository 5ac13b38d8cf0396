package dev.drama.cli.command;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words. Double quotes group words ("as one"), with \" and \\
 * inside them. Each token remembers where it started so a command can take "the rest
 * of the line" verbatim (for talk, where spacing is the speaker's).
 */
final class Tokenizer {

    record Token(String text, boolean quoted, int start) {
    }

    private Tokenizer() {
    }

    /** @throws IllegalArgumentException on an unclosed quote */
    static List<Token> tokens(String line) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start = i;
            if (line.charAt(i) == '"') {
                StringBuilder text = new StringBuilder();
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = line.charAt(i);
                    if (c == '\\' && i + 1 < n && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) {
                        text.append(line.charAt(i + 1));
                        i += 2;
                    } else if (c == '"') {
                        closed = true;
                        i++;
                        break;
                    } else {
                        text.append(c);
                        i++;
                    }
                }
                if (!closed) {
                    throw new IllegalArgumentException("this quote is never closed: " + line.substring(start));
                }
                tokens.add(new Token(text.toString(), true, start));
            } else {
                while (i < n && !Character.isWhitespace(line.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(line.substring(start, i), false, start));
            }
        }
        return tokens;
    }
}
