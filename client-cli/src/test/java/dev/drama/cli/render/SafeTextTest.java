package dev.drama.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

class SafeTextTest {

    @Test
    void controlsShowAsPicturesAndOtherUnsafeCharactersAsTheirCodePoints() {
        assertEquals("\u241b[2J \u240d \u2407 \u2421 <U+009B>1A <U+202E>abc <U+200B> <U+2028>",
                SafeText.forTerminal("\u001b[2J \r \u0007 \u007f \u009b1A \u202eabc \u200b \u2028"));
    }

    @Test
    void ordinaryTextIsLeftAsItIs() {
        String text = "Zoë: \"we'll walk\" — 中文 עברית 😀\n\tnext line";
        assertEquals(text, SafeText.forTerminal(text));
        AttributedString styled = new AttributedString(text, AttributedStyle.BOLD);
        assertSame(styled, SafeText.forTerminal(styled));
    }

    @Test
    void eachCharacterKeepsItsStyle() {
        AttributedString text = new AttributedStringBuilder()
                .append("Tom: ", AttributedStyle.BOLD).append("a\u001bb😀", AttributedStyle.DEFAULT.foreground(AttributedStyle.RED))
                .toAttributedString();
        AttributedString safe = SafeText.forTerminal(text);
        assertEquals("Tom: a\u241bb😀", safe.toString());
        assertEquals(AttributedStyle.BOLD, safe.styleAt(0));
        assertEquals(AttributedStyle.DEFAULT.foreground(AttributedStyle.RED), safe.styleAt(6));
        assertEquals(AttributedStyle.DEFAULT.foreground(AttributedStyle.RED), safe.styleAt(8));
    }

    @Test
    void jsonGetsEscapesForTheSameCharacters() {
        assertEquals("{\"t\":\"a\\u009bb\\u202ec\\u200b😀\\u007f\\udb40\\udc01\"}",
                SafeText.forJson("{\"t\":\"a\u009bb\u202ec\u200b😀\u007f\udb40\udc01\"}"));
    }
}
