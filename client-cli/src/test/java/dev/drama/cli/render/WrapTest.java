package dev.drama.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

class WrapTest {

    private static String wrap(String text, int width) {
        return Wrap.lines(new AttributedString(text), width).toString();
    }

    @Test
    void shortLinesStayAsTheyAre() {
        assertEquals("Dev Sandhu: fine\n  1) a way out", wrap("Dev Sandhu: fine\n  1) a way out", 40));
    }

    @Test
    void aLongLineGoesOnUnderAHangingIndent() {
        assertEquals("Maureen Cassidy: If residents are not\n  in the room when the agenda is set,\n  we walk.",
                wrap("Maureen Cassidy: If residents are not in the room when the agenda is set, we walk.", 38));
    }

    @Test
    void listMarkersSetTheIndentOfTheirContinuation() {
        assertEquals("  1) Promise to fund the outreach\n     for a year (if agreed:\n     better for you)",
                wrap("  1) Promise to fund the outreach for a year (if agreed: better for you)", 33));
    }

    @Test
    void aWordLongerThanTheLineIsCut() {
        assertEquals("abcdefghij\n  klmnopqr\n  st", wrap("abcdefghijklmnopqrst", 10));
    }

    @Test
    void stylesSurviveTheBreaks() {
        AttributedString text = new AttributedStringBuilder().append("Dev: ", AttributedStyle.BOLD)
                .append("one two three four", AttributedStyle.DEFAULT.italic()).toAttributedString();
        AttributedString wrapped = Wrap.lines(text, 12);
        assertEquals("Dev: one two\n  three four", wrapped.toString());
        assertEquals(AttributedStyle.BOLD, wrapped.styleAt(0));
        assertEquals(AttributedStyle.DEFAULT.italic(), wrapped.styleAt(wrapped.toString().indexOf("three")));
    }

    @Test
    void anUnknownWidthMeansEightyColumns() {
        assertEquals(80, Wrap.usable(0));
        assertEquals(Wrap.MIN_WIDTH, Wrap.usable(5));
        assertEquals(132, Wrap.usable(132));
    }
}
