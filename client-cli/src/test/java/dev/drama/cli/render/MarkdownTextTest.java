package dev.drama.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

class MarkdownTextTest {

    @Test
    void headingsParagraphsAndEmphasisBecomeStyledText() {
        AttributedString text = MarkdownText.render("# Maureen Cassidy\n\n*Private: for your eyes only.*\n\n"
                + "## What matters\n\nYou want **residents** to set\nthe agenda.\n", 80);
        assertEquals("Maureen Cassidy\n\nPrivate: for your eyes only.\n\nWhat matters\n\n"
                + "You want residents to set the agenda.", text.toString());
        assertEquals(MarkdownText.TITLE, text.styleAt(0));
        assertEquals(AttributedStyle.DEFAULT.italic(), text.styleAt(text.toString().indexOf("Private")));
        assertEquals(MarkdownText.SUBTITLE, text.styleAt(text.toString().indexOf("What matters")));
        assertEquals(AttributedStyle.DEFAULT.bold(), text.styleAt(text.toString().indexOf("residents")));
        assertEquals(AttributedStyle.DEFAULT, text.styleAt(text.toString().indexOf("agenda")));
    }

    @Test
    void paragraphsWrapAtTheWidthBetweenWords() {
        String text = MarkdownText.render("The police keep saying crime on Brookfield is broadly stable, and you"
                + " would like to see the ward's own numbers.", 30).toString();
        assertEquals("The police keep saying crime\non Brookfield is broadly\nstable, and you would like to\n"
                + "see the ward's own numbers.", text);
        for (String line : text.split("\n")) {
            assertTrue(line.length() <= 30, line);
        }
    }

    @Test
    void listItemsWrapUnderTheirOwnText() {
        String text = MarkdownText.render("Before the list.\n\n- a joint agenda-setting meeting a week before\n"
                + "- the ward figures\n  1. every quarter with response times\n  2. in writing\n\nAfter.", 32)
                .toString();
        assertEquals(String.join("\n",
                "Before the list.",
                "",
                "- a joint agenda-setting meeting",
                "  a week before",
                "- the ward figures",
                "  1. every quarter with response",
                "     times",
                "  2. in writing",
                "",
                "After."), text);
    }

    @Test
    void quotesKeepTheirBarOnEveryLineAndHtmlIsShownAsText() {
        String text = MarkdownText.render("> The council was minded to bring in an order.\n\n<b>not markup</b>\n\n"
                + "<div>\nraw\n</div>\n", 24).toString();
        assertEquals("| The council was minded\n| to bring in an order.\n\n<b>not markup</b>\n\n<div>\nraw\n</div>", text);
    }

    @Test
    void aLooseListKeepsABlankLineBetweenItems() {
        assertEquals("1. one\n\n2. two", MarkdownText.render("1. one\n\n2. two\n", 80).toString());
    }
}
