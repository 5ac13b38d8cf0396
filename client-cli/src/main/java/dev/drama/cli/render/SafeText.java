package dev.drama.cli.render;

import dev.drama.server.text.TextRules;
import java.util.Locale;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/**
 * The consoles' last line of defence: whatever the server sent, nothing that reaches the
 * terminal is a control character, an escape sequence, a bidirectional control or an
 * invisible character. The server already refuses them in what people type
 * ({@link TextRules}); this makes visible any that come anyway (an old or hostile server,
 * a pack's text): ESC shows as ␛, a carriage return as ␍, others as {@code <U+202E>}.
 * Line feeds and tabs stay: the consoles print several lines at once.
 */
public final class SafeText {
    private static final int CONTROL_PICTURES = 0x2400;  // ␀ is U+2400, ␛ U+241B, ␡ U+2421

    private SafeText() {
    }

    /** The text as the terminal may show it, each character keeping its style. */
    public static AttributedString forTerminal(AttributedString text) {
        if (isSafe(text)) {
            return text;
        }
        AttributedStringBuilder out = new AttributedStringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            out.style(text.styleAt(i));
            out.append(visible(cp));
            i += Character.charCount(cp);
        }
        return out.toAttributedString();
    }

    /** A plain text (a prompt, a completion) as the terminal may show it. */
    public static String forTerminal(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> out.append(visible(cp)));
        return out.toString();
    }

    /**
     * A line of JSON with every unsafe character written as a {@code \}{@code uXXXX} escape:
     * the same data for a script, nothing for a terminal to act on if a person reads it.
     * JSON keeps such characters only inside strings, where an escape means the same.
     */
    public static String forJson(String json) {
        StringBuilder out = new StringBuilder(json.length());
        for (int i = 0; i < json.length(); ) {
            int cp = json.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (TextRules.unsafe(cp).isPresent() || cp == '\n' || cp == '\t') {
                for (int k = i; k < next; k++) {
                    out.append(String.format(Locale.ROOT, "\\u%04x", (int) json.charAt(k)));
                }
            } else {
                out.appendCodePoint(cp);
            }
            i = next;
        }
        return out.toString();
    }

    private static boolean isSafe(CharSequence text) {
        return text.codePoints().allMatch(cp -> TextRules.unsafe(cp).isEmpty());
    }

    private static String visible(int cp) {
        if (TextRules.unsafe(cp).isEmpty()) {
            return new String(Character.toChars(cp));
        }
        if (cp < 0x20) {
            return String.valueOf((char) (CONTROL_PICTURES + cp));
        }
        if (cp == 0x7F) {
            return "\u2421";
        }
        return "<" + TextRules.codePoint(cp) + ">";
    }
}
