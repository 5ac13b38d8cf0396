package dev.drama.cli.render;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/**
 * Word wrapping of styled text to a terminal width, keeping the styles. A line that
 * does not fit goes on under a hanging indent: its own indent, plus its list marker
 * ("1) ", "2. ", "- ", "* ") when it has one, else two spaces; so talk, ways out and
 * offer terms stay readable as blocks at any width.
 */
public final class Wrap {
    /** The width used when the terminal does not say (scripts, dumb terminals). */
    public static final int DEFAULT_WIDTH = 80;
    /** Narrower than this, wrapping would do more harm than good. */
    static final int MIN_WIDTH = 20;
    static final int HANGING = 2;

    private static final Pattern MARKER = Pattern.compile("^( *)(\\d+[.)] |[-*] )?");

    private Wrap() {
    }

    /** A terminal's width as the renderers should use it: the default when unknown or absurdly small. */
    public static int usable(int terminalWidth) {
        return terminalWidth <= 0 ? DEFAULT_WIDTH : Math.max(MIN_WIDTH, terminalWidth);
    }

    /** Wraps every line of {@code text} to {@code width} columns with a hanging indent. */
    public static AttributedString lines(AttributedString text, int width) {
        AttributedStringBuilder out = new AttributedStringBuilder();
        int start = 0;
        String plain = text.toString();
        while (true) {
            int end = plain.indexOf('\n', start);
            AttributedString line = text.subSequence(start, end < 0 ? plain.length() : end);
            List<AttributedString> wrapped = paragraph(line, width, hangingIndent(line.toString(), width));
            for (int i = 0; i < wrapped.size(); i++) {
                out.append(wrapped.get(i));
                if (i < wrapped.size() - 1) {
                    out.append("\n");
                }
            }
            if (end < 0) {
                return out.toAttributedString();
            }
            out.append("\n");
            start = end + 1;
        }
    }

    /** How far continuation lines of {@code line} are indented. */
    static int hangingIndent(String line, int width) {
        Matcher marker = MARKER.matcher(line);
        marker.find();
        int indent = marker.group(1).length() + (marker.group(2) == null ? HANGING : marker.group(2).length());
        return Math.min(indent, width / 2);
    }

    /**
     * Breaks one line (no line breaks in it) at spaces so that each piece fits in
     * {@code width} columns; pieces after the first start with {@code indent} spaces.
     * A word longer than a whole line is cut.
     */
    public static List<AttributedString> paragraph(AttributedString line, int width, int indent) {
        List<AttributedString> out = new ArrayList<>();
        String plain = line.toString();
        if (plain.length() <= width) {
            out.add(line);
            return out;
        }
        int start = 0;
        String pad = "";
        while (true) {
            int room = width - pad.length();
            if (plain.length() - start <= room) {
                out.add(join(pad, line.subSequence(start, plain.length())));
                return out;
            }
            int cut = plain.lastIndexOf(' ', start + room);
            boolean atSpace = cut > start && plain.substring(start, cut).strip().length() > 0;
            int end = atSpace ? cut : start + room;
            out.add(join(pad, line.subSequence(start, trimEnd(plain, start, end))));
            start = end;
            while (start < plain.length() && plain.charAt(start) == ' ') {
                start++;
            }
            if (start >= plain.length()) {
                return out;
            }
            pad = " ".repeat(indent);
        }
    }

    private static int trimEnd(String plain, int start, int end) {
        while (end > start && plain.charAt(end - 1) == ' ') {
            end--;
        }
        return end;
    }

    private static AttributedString join(String pad, AttributedString text) {
        return pad.isEmpty() ? text : new AttributedStringBuilder().append(pad).append(text).toAttributedString();
    }
}
