package dev.drama.server.text;

import java.util.Locale;
import java.util.Optional;

/**
 * Which characters a participant may send: text is data, never terminal control.
 * Control characters (C0, DEL, C1), bidirectional controls and invisible characters
 * would let one participant clear, overwrite or disguise what the others see, so the
 * server refuses them, naming the character and where it is. Texts may hold line
 * breaks and tabs; names may not. Consoles use {@link #unsafe} too, to make visible
 * whatever unsafe character reaches them anyway.
 */
public final class TextRules {

    /** Why a character is refused, in the words the refusal uses. */
    public enum Kind {
        CONTROL("a control character"),
        BIDI("a bidirectional control character"),
        INVISIBLE("an invisible character");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    private TextRules() {
    }

    /**
     * The kind of an unsafe character, or empty when it is safe in a text. Line feed and
     * tab are safe in a text (names refuse them separately).
     */
    public static Optional<Kind> unsafe(int cp) {
        if (cp == '\n' || cp == '\t') {
            return Optional.empty();
        }
        if (isBidiControl(cp)) {
            return Optional.of(Kind.BIDI);
        }
        return switch (Character.getType(cp)) {
            // Cc is C0, DEL and C1; line and paragraph separators break lines as a control would
            case Character.CONTROL, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> Optional.of(Kind.CONTROL);
            // Cf holds the zero-width characters (U+200B-200D, U+2060, U+FEFF, U+180E), soft hyphen and tags
            case Character.FORMAT, Character.SURROGATE -> Optional.of(Kind.INVISIBLE);
            default -> isInvisibleLetter(cp) ? Optional.of(Kind.INVISIBLE) : Optional.empty();
        };
    }

    /** Why a free text (talk, a note, an inject) is refused, or empty when it is fine. */
    public static Optional<String> textProblem(String what, String text) {
        return firstProblem(what, text, false);
    }

    /** Why a display name is refused, or empty when its characters are fine: as a text, and on one line. */
    public static Optional<String> nameProblem(String name) {
        return firstProblem("the name", name, true);
    }

    /** "U+202E (RIGHT-TO-LEFT OVERRIDE)": how refusals and consoles name a character. */
    public static String describe(int cp) {
        String name = Character.getName(cp);
        // the JDK calls some controls "CARRIAGE RETURN (CR)": one pair of brackets is enough
        return codePoint(cp) + (name == null ? "" : " (" + name.replaceFirst(" \\(\\w+\\)$", "") + ")");
    }

    /** "U+001B". */
    public static String codePoint(int cp) {
        return String.format(Locale.ROOT, "U+%04X", cp);
    }

    private static Optional<String> firstProblem(String what, String text, boolean oneLine) {
        int position = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            position++;
            Optional<Kind> kind = oneLine && (cp == '\n' || cp == '\t') ? Optional.of(Kind.CONTROL) : unsafe(cp);
            if (kind.isPresent()) {
                return Optional.of(what + " has " + kind.get().words() + " " + describe(cp) + " at position " + position
                        + "; remove it");
            }
        }
        return Optional.empty();
    }

    private static boolean isBidiControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)
                || cp == 0x200E || cp == 0x200F || cp == 0x061C;
    }

    /**
     * Characters that are letters or marks to Unicode but show nothing (default-ignorable
     * or blank fillers), so they can disguise a name as well as a zero-width space can.
     * Variation selectors are left alone: emoji need them.
     */
    private static boolean isInvisibleLetter(int cp) {
        return cp == 0x034F || cp == 0x115F || cp == 0x1160 || cp == 0x17B4 || cp == 0x17B5
                || cp == 0x3164 || cp == 0xFFA0;
    }
}
