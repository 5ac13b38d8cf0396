package dev.drama.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Section 3: the statement language, its binding, its errors and the score. */
class StatementsTest {
    private static final List<String> IDS = List.of("x", "y", "z", "nag", "tv_2");

    private static boolean holds(String statement, boolean x, boolean y, boolean z) throws StatementException {
        return Preference.statements(List.of(statement), IDS).score(new boolean[] {x, y, z, false, false}) == 1;
    }

    /** Checks a statement against a Java predicate on all eight assignments of x, y, z. */
    private interface Truth {
        boolean of(boolean x, boolean y, boolean z);
    }

    private static void same(String statement, Truth truth) throws StatementException {
        for (int i = 0; i < 8; i++) {
            boolean x = (i & 1) != 0;
            boolean y = (i & 2) != 0;
            boolean z = (i & 4) != 0;
            assertEquals(truth.of(x, y, z), holds(statement, x, y, z), statement + " at x=" + x + " y=" + y + " z=" + z);
        }
    }

    @Test
    void operatorsBindFromNotToIff() throws StatementException {
        same("!x & y", (x, y, z) -> !x && y);
        same("x | y & z", (x, y, z) -> x || (y && z));
        same("x & y | z", (x, y, z) -> (x && y) || z);
        same("x | y -> z", (x, y, z) -> !(x || y) || z);
        same("x -> y <-> z", (x, y, z) -> (!x || y) == z);
        same("!(x | y)", (x, y, z) -> !(x || y));
        same("!!x", (x, y, z) -> x);
    }

    @Test
    void impliesIsRightAssociative() throws StatementException {
        same("x -> y -> z", (x, y, z) -> !x || (!y || z));
        same("(x -> y) -> z", (x, y, z) -> !(!x || y) || z);
    }

    @Test
    void iffChainsAndParentheses() throws StatementException {
        same("x <-> y <-> z", (x, y, z) -> (x == y) == z);
        same("x<->(y|z)", (x, y, z) -> x == (y || z));
    }

    @Test
    void scoreIsTheSumOfPowersOfTwoOfSatisfiedStatements() throws StatementException {
        Preference p = Preference.statements(List.of("x", "y", "z"), IDS);
        assertEquals(4 + 1, p.score(new boolean[] {true, false, true, false, false}));
        assertEquals(2, p.score(new boolean[] {false, true, false, false, false}));
        assertEquals(7, p.score(new boolean[] {true, true, true, false, false}));
        assertEquals(0, p.score(new boolean[] {false, false, false, false, false}));
    }

    @Test
    void unknownOptionSuggestsTheNearestWithOneBasedColumn() {
        StatementException e = assertThrows(StatementException.class,
                () -> Preference.statements(List.of("x", "!tv_2 & nagg"), IDS));
        assertEquals("unknown option 'nagg' at column 9; did you mean 'nag'?", e.getMessage());
        assertEquals(9, e.column());
        assertEquals(1, e.statementIndex());
        assertEquals("!tv_2 & nagg", e.statement());
        StatementException bare = assertThrows(StatementException.class, () -> Preference.statements(List.of("nagg"), IDS));
        assertEquals("unknown option 'nagg' at column 1; did you mean 'nag'?", bare.getMessage());
        StatementException far = assertThrows(StatementException.class, () -> Preference.statements(List.of("weather"), IDS));
        assertEquals("unknown option 'weather' at column 1", far.getMessage());
    }

    @Test
    void syntaxErrorsSayWhatAndWhere() {
        assertEquals("unexpected end of statement at column 4; expected an option id, '!' or '('", message("x &"));
        assertEquals("missing ')' to close the '(' at column 1", message("(x | y"));
        assertEquals("unexpected ')' at column 3 with no matching '('", message("x )"));
        assertEquals("unexpected 'y' at column 3; expected an operator (&, |, ->, <->) or the end", message("x y"));
        assertEquals("unexpected '-' at column 3; did you mean '->'?", message("x - y"));
        assertEquals("unexpected '<' at column 3; did you mean '<->'?", message("x <- y"));
        assertEquals("unexpected character '#' at column 5; expected an option id or one of ! & | -> <-> ( )", message("x & #"));
        assertEquals("unexpected '&' at column 1; expected an option id, '!' or '('", message("& x"));
        assertEquals("empty statement", message("  "));
        assertEquals("unexpected character '1' at column 1; expected an option id or one of ! & | -> <-> ( )", message("1x"));
    }

    @Test
    void atMostThirtyOneStatements() {
        List<String> many = java.util.Collections.nCopies(32, "x");
        StatementException e = assertThrows(StatementException.class, () -> Preference.statements(many, IDS));
        assertTrue(e.getMessage().startsWith("too many statements"), e.getMessage());
    }

    @Test
    void wideStatementsFallBackToTheExpressionTree() throws StatementException {
        List<String> ids = new java.util.ArrayList<>();
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            ids.add("o" + i);
            all.append(i == 0 ? "" : " & ").append("o").append(i);
        }
        Preference p = Preference.statements(List.of(all.toString()), ids);
        boolean[] f = new boolean[20];
        java.util.Arrays.fill(f, true);
        assertEquals(1, p.score(f));
        f[19] = false;
        assertEquals(0, p.score(f));
    }

    @Test
    void rankingPutsUnlistedFuturesBelowAllListedTied() {
        Preference p = Boards.rank("yn", "yy");
        assertTrue(p.score(new boolean[] {true, false}) > p.score(new boolean[] {true, true}));
        assertTrue(p.score(new boolean[] {true, true}) > p.score(new boolean[] {false, false}));
        assertEquals(p.score(new boolean[] {false, false}), p.score(new boolean[] {false, true}));
        assertThrows(IllegalArgumentException.class, () -> Preference.ranking(List.of(List.of(true)), 2));
    }

    @Test
    void largeRankingsUseBinarySearch() {
        List<Boolean> a = java.util.Collections.nCopies(20, true);
        List<Boolean> b = java.util.Collections.nCopies(20, false);
        Preference p = Preference.ranking(List.of(b, a, b), 20);
        boolean[] yes = new boolean[20];
        java.util.Arrays.fill(yes, true);
        assertEquals(3, p.score(new boolean[20]), "a future listed twice keeps its first place");
        assertEquals(2, p.score(yes));
        yes[3] = false;
        assertEquals(0, p.score(yes));
    }

    private static String message(String statement) {
        return assertThrows(StatementException.class, () -> Preference.statements(List.of(statement), IDS)).getMessage();
    }
}
