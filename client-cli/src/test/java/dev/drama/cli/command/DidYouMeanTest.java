package dev.drama.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {
    private static final List<String> COMMANDS = List.of("help", "board", "offer", "offers", "accept", "reject",
            "position", "phase", "quit");

    @Test
    void slipsOfTheFingerFindTheCommand() {
        assertEquals(List.of("board"), DidYouMean.among("bord", COMMANDS));
        assertEquals(List.of("help"), DidYouMean.among("hlep", COMMANDS), "two letters swapped");
        assertEquals(List.of("position"), DidYouMean.among("positon", COMMANDS));
        assertEquals(List.of("accept"), DidYouMean.among("ACC", COMMANDS), "the start of a command, any case");
    }

    @Test
    void thePrefixComesFirstAndAtMostThreeAreSuggested() {
        assertEquals(List.of("offer", "offers"), DidYouMean.among("of", COMMANDS));
        assertEquals(3, DidYouMean.among("p", List.of("pa", "pb", "pc", "pd")).size());
    }

    @Test
    void aWordOfANameIsEnough() {
        assertEquals(List.of("Karen Whitlow"), DidYouMean.among("whitlow", List.of("Karen Whitlow", "Dev Sandhu")));
        assertEquals(List.of("Karen Whitlow"), DidYouMean.among("Karen Whitely", List.of("Karen Whitlow", "Dev Sandhu")));
    }

    @Test
    void nothingCloseMeansNoSuggestion() {
        assertEquals(List.of(), DidYouMean.among("xyzzy", COMMANDS));
        assertEquals(List.of(), DidYouMean.among("", COMMANDS));
        assertEquals("", DidYouMean.hint("xyzzy", COMMANDS, c -> "/" + c));
        assertEquals(" (did you mean /quit?)", DidYouMean.hint("quti", COMMANDS, c -> "/" + c));
    }

    @Test
    void distanceCountsInsertionsDeletionsChangesAndSwaps() {
        assertEquals(0, DidYouMean.distance("offer", "offer"));
        assertEquals(1, DidYouMean.distance("ofer", "offer"));
        assertEquals(1, DidYouMean.distance("ofer", "ofr"));
        assertEquals(1, DidYouMean.distance("teh", "the"));
        assertEquals(3, DidYouMean.distance("kitten", "sitting"));
    }
}
