package dev.drama.engine;

import static dev.drama.engine.Boards.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Section 1: the board, its derived values and its validation. */
class BoardTest {

    private static Board.Builder tv() {
        return Boards.television().toBuilder();
    }

    private static String problem(Board.Builder builder) {
        return assertThrows(BoardException.class, builder::build).getMessage();
    }

    @Test
    void threatenedFutureTakesIntentionsElseStatusQuo() {
        Board board = tv().intentions("W", map()).build();
        assertEquals(map("tv", true, "nag", false), board.threatenedFuture().values(), "nag at its status quo");
    }

    @Test
    void aCharacterOwnsAtMostTwentyOptions() {
        Board.Builder b = Board.builder().character("A", "Ann").preference("A", Preference.indifferent());
        for (int i = 0; i < Board.MAX_OPTIONS_PER_CHARACTER; i++) {
            b.option("o" + i, "A", "Option " + i, false);
        }
        assertEquals(20, b.build().optionsOf("A").size());
        b.option("o20", "A", "One too many", false);
        assertEquals("character 'A' owns more than 20 options (the most one character may own); 'o20' is one too many", problem(b));
    }

    @Test
    void agreementsAreRecordedAndTheirPartiesProposeThem() {
        Board board = Boards.television().withAgreement(new Agreement(List.of("H", "W"), map("tv", false)));
        assertEquals(1, board.agreementsOf("W").size());
        assertEquals(Optional.of(false), board.position("W").value("tv"));
        assertEquals(Optional.of(false), board.intentions("H").value("tv"), "the owner states it will carry out its part");
        assertEquals(board.agreements(), board.withDoubt("H", "W", false).agreements(), "copies keep them");
        assertTrue(problem(board.toBuilder().agreement(List.of("H", "X"), map("tv", true))).startsWith("agreement names unknown party 'X'"));
    }

    @Test
    void completionFillsOpenOptionsFromT() {
        Board board = Boards.television();
        assertEquals(map("tv", false, "nag", true), board.completion(Future.of(map("tv", false))).values());
        assertEquals(List.of("tv", "nag"), List.copyOf(board.completion(Future.of(map("nag", true, "tv", false))).values().keySet()),
                "board order");
        BoardException e = assertThrows(BoardException.class, () -> board.completion(Future.of(map("nagg", true))));
        assertEquals("cannot complete a future that names unknown option 'nagg'; did you mean 'nag'?", e.getMessage());
    }

    @Test
    void validationNamesWhatIsWrong() {
        assertEquals("duplicate character id 'H'", problem(tv().character("H", "Again")));
        assertEquals("duplicate option id 'tv'", problem(tv().option("tv", "H", "Again", false)));
        assertEquals("option 'x' (Ex) has owner 'Q', which is not a character (characters: H, W)",
                problem(tv().option("x", "Q", "Ex", false)));
        assertEquals("character 'Z' (Zed) has no preference", problem(tv().character("Z", "Zed")));
        assertEquals("preference given for unknown character 'Q'", problem(tv().preference("Q", Preference.indifferent())));
        assertEquals("position of character 'H' (Husband) names unknown option 'nagg'; did you mean 'nag'?",
                problem(tv().position("H", map("nagg", true))));
        assertEquals("intentions of character 'H' (Husband) name option 'nag' (Nag), which character 'W' owns; "
                + "a character states intentions on its own options only", problem(tv().intentions("H", map("nag", true))));
        assertEquals("position given for unknown character 'X'", problem(tv().position("X", map())));
        assertEquals("character 'W' doubts unknown character 'Hh'", problem(tv().doubt("W", "Hh")));
        assertEquals("character 'W' doubts itself; self-doubt is not supported", problem(tv().doubt("W", "W")));
        assertEquals("option id '9lives' is not valid: an id is a letter followed by letters, digits or '_'",
                problem(tv().option("9lives", "H", "Nine", false)));
        assertEquals("preference of character 'H' reads 3 options but the board has only 2",
                problem(tv().preference("H", Preference.ranking(List.of(List.of(true, true, true)), 3))));
    }

    @Test
    void preferencesCompiledForOtherOptionsAreRefused() throws StatementException {
        Preference wrong = Preference.statements(List.of("nag"), List.of("nag", "tv"));
        assertEquals("preference of character 'W' was written for options [nag, tv] but the board's options are [tv, nag]",
                problem(tv().preference("W", wrong)));
    }

    @Test
    void copiesChangeOneThing() {
        Board board = Boards.television();
        Board moved = board.withPosition("W", Future.of(map("tv", true)));
        assertEquals(map("tv", true), moved.position("W").values());
        assertEquals(board.position("H"), moved.position("H"));
        assertTrue(board.withDoubt("H", "W", true).doubts("H").contains("W"));
        assertFalse(board.withDoubt("H", "W", true).withDoubt("H", "W", false).doubts("H").contains("W"));
        Board wider = board.withOption(new Option("dishes", "W", "Do the dishes", false));
        assertEquals(List.of("tv", "nag", "dishes"), wider.optionIds());
        assertEquals(DilemmaEngine.analyse(board).keys(), DilemmaEngine.analyse(wider).keys(), "old preferences ignore the new option");
        Board more = board.withCharacter(new Character("K", "Kid"), Preference.indifferent());
        assertEquals(Optional.of(new Character("K", "Kid")), more.character("K"));
        assertEquals(Future.empty(), more.position("K"));
        assertEquals(board.threatenedFuture(), more.threatenedFuture());
        assertEquals(board.threatenedFuture(), board.toBuilder().build().threatenedFuture());
    }

    @Test
    void futuresCompareByValuesNotOrder() {
        Future a = Future.of(map("x", true, "y", false));
        Future b = Future.of(map("y", false, "x", true));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(Optional.empty(), a.value("z"));
        assertEquals(Optional.of(false), a.value("y"));
        assertEquals(map("x", true), a.without("y").values());
        assertEquals(map("x", true, "y", false, "z", true), a.with("z", true).values());
        assertEquals(a, a.with("x", false).with("x", true));
        assertTrue(Boards.television().threatenedFuture().equals(Future.of(map("nag", true, "tv", true))));
    }
}
