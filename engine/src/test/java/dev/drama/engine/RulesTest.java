package dev.drama.engine;

import static dev.drama.engine.Boards.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Section 2, rule by rule, with the edges: ties, open options, no options, one and eight characters, positions equal to T. */
class RulesTest {

    /** Two characters A and B owning a and b (status quo no); preferences as statements over a, b. */
    private static Board.Builder two(List<String> prefA, List<String> prefB) {
        List<String> ids = List.of("a", "b");
        try {
            return Board.builder().character("A", "Ann").character("B", "Ben")
                    .option("a", "A", "Ann acts", false).option("b", "B", "Ben acts", false)
                    .preference("A", Preference.statements(prefA, ids))
                    .preference("B", Preference.statements(prefB, ids));
        } catch (StatementException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> keys(Board board) {
        return DilemmaEngine.analyse(board).keys();
    }

    @Nested
    class Persuasion {
        @Test
        void aTieIsNotPersuasive() {
            // B is indifferent: NOT A^ >B T holds, so A has a persuasion dilemma.
            Board board = two(List.of("b"), List.of()).position("A", map("b", true)).build();
            assertTrue(keys(board).contains("persuasion:A->B"));
        }

        @Test
        void noDilemmaWhenBPrefersTheProposal() {
            Board board = two(List.of("b"), List.of("b")).position("A", map("b", true)).build();
            assertFalse(keys(board).contains("persuasion:A->B"));
        }

        @Test
        void anOpenOptionOfBsIsNoDemand() {
            Board board = two(List.of("b", "a"), List.of("!b")).position("A", map("a", true)).build();
            assertFalse(keys(board).contains("persuasion:A->B"), "A^ agrees with T on b");
        }

        @Test
        void aPositionFixedToTsValuesIsNoDemand() {
            Board board = two(List.of("b"), List.of("!b")).position("A", map("a", false, "b", false)).build();
            assertEquals(List.of(), keys(board));
            assertTrue(DilemmaEngine.analyse(board).commitmentPoint());
        }
    }

    @Nested
    class Rejection {
        @Test
        void aTieIsNoRejection() {
            Board board = two(List.of("b"), List.of("a")).position("B", map("a", true)).build();
            assertFalse(keys(board).contains("rejection:A->B"), "A does not care about a");
        }

        @Test
        void rejectionWhenAPrefersBsDemandToT() {
            Board board = two(List.of("a"), List.of("a")).position("B", map("a", true)).build();
            assertTrue(keys(board).contains("rejection:A->B"));
        }

        @Test
        void noRejectionWhenPositionsAgree() {
            Board board = two(List.of("a"), List.of("a")).position("B", map("a", true)).position("A", map("a", true)).build();
            assertFalse(keys(board).contains("rejection:A->B"));
        }

        @Test
        void noRejectionWhenBAsksNothingOfA() {
            Board board = two(List.of("b"), List.of("b")).position("B", map("b", true)).build();
            assertFalse(keys(board).contains("rejection:A->B"), "B^ differs from T only on B's own option");
        }
    }

    @Nested
    class Threat {
        @Test
        void noThreatAtACommitmentPoint() {
            // A would rather a=yes than T, but nothing is contested: that is co-operation's business, not threat's.
            Board board = two(List.of("a"), List.of()).position("A", map("a", false)).build();
            assertFalse(keys(board).contains("threat:A"));
        }

        @Test
        void threatNeedsAContestedOptionOfAs() {
            Board board = two(List.of("a"), List.of("b")).position("B", map("b", true)).build();
            assertFalse(keys(board).contains("threat:A"), "only b is contested");
            Board contested = two(List.of("a"), List.of("b")).position("B", map("a", true)).build();
            assertTrue(keys(contested).contains("threat:A"));
        }

        @Test
        void aTieIsNoThreatDilemma() {
            Board board = two(List.of(), List.of()).position("B", map("a", true)).build();
            assertFalse(keys(board).contains("threat:A"));
        }

        @Test
        void deviationsOnSeveralOptionsAreConsidered() throws StatementException {
            // A owns x, y, z; only flipping x and y together beats T (each alone is worse).
            List<String> ids = List.of("x", "y", "z");
            Board board = Board.builder().character("A", "Ann").character("B", "Ben")
                    .option("x", "A", "X", false).option("y", "A", "Y", false).option("z", "A", "Z", false)
                    .preference("A", Preference.statements(List.of("x <-> y", "x & y"), ids))
                    .preference("B", Preference.statements(List.of(), ids))
                    .position("B", map("x", true, "y", true))
                    .build();
            Analysis analysis = DilemmaEngine.analyse(board);
            Dilemma threat = analysis.dilemmas().stream().filter(d -> d.key().equals("threat:A")).findFirst().orElseThrow();
            assertEquals(map("x", true, "y", true, "z", false), threat.compared().values());
        }
    }

    @Nested
    class Positioning {
        @Test
        void anotherPositionPreferred() {
            Board board = two(List.of("a"), List.of()).position("A", map("b", true)).position("B", map("a", true)).build();
            assertTrue(keys(board).contains("positioning:A->B"));
        }

        @Test
        void aTieIsNoPositioning() {
            Board board = two(List.of("a"), List.of()).position("A", map("a", true)).position("B", map("a", true, "b", true)).build();
            assertFalse(keys(board).contains("positioning:A->B"));
        }
    }

    @Nested
    class Cooperation {
        @Test
        void temptedToBreakOwnPromise() {
            Board board = two(List.of("!a", "b"), List.of()).position("A", map("a", true)).build();
            assertTrue(keys(board).contains("cooperation:A"));
        }

        @Test
        void anOpenOwnOptionPromisesNothing() {
            Board board = two(List.of("!a", "b"), List.of()).position("A", map("b", true)).build();
            assertFalse(keys(board).contains("cooperation:A"));
        }

        @Test
        void aTieIsNoTemptation() {
            Board board = two(List.of("b"), List.of()).position("A", map("a", true)).build();
            assertFalse(keys(board).contains("cooperation:A"));
        }
    }

    @Nested
    class Trust {
        @Test
        void aDeclaredDoubtIsEnough() {
            Board board = two(List.of("b"), List.of("b")).position("A", map("b", true)).position("B", map("b", true))
                    .intentions("B", map("b", true)).doubt("A", "B").build();
            assertEquals(List.of("trust:A->B"), keys(board));
        }

        @Test
        void aDoubtWithoutDemandsOnBIsNoDilemma() {
            Board board = two(List.of(), List.of()).position("A", map("a", true)).intentions("A", map("a", true))
                    .doubt("A", "B").build();
            assertEquals(List.of(), keys(board));
        }

        @Test
        void temptationOfB() {
            Board board = two(List.of("b"), List.of("!b")).position("A", map("b", true)).position("B", map("b", true))
                    .intentions("B", map("b", true)).build();
            assertTrue(keys(board).contains("trust:A->B"));
            assertTrue(keys(board).contains("cooperation:B"));
        }
    }

    @Test
    void aCharacterOwningNoOptions() throws StatementException {
        List<String> ids = List.of("a");
        Board board = Board.builder().character("A", "Ann").character("M", "Mediator")
                .option("a", "A", "Ann acts", false)
                .preference("A", Preference.statements(List.of("!a"), ids))
                .preference("M", Preference.statements(List.of("a"), ids))
                .position("M", map("a", true))
                .doubt("A", "M")
                .build();
        // M cannot be persuaded or doubted about anything (it owns nothing), threatens and promises nothing;
        // it asks A to act in vain and could not trust A to do it. A's doubt about M concerns no option of M's.
        assertEquals(List.of("persuasion:M->A", "trust:M->A"), keys(board));
    }

    @Test
    void oneCharacter() throws StatementException {
        Board alone = Board.builder().character("A", "Ann").option("a", "A", "Ann acts", false)
                .preference("A", Preference.statements(List.of("a"), List.of("a")))
                .position("A", map("a", true)).build();
        // A's position departs from T (A never said it would act): it would rather act than keep T.
        assertEquals(List.of("threat:A"), keys(alone));
        Board settled = alone.withIntentions("A", Future.of(map("a", true)));
        assertEquals(List.of(), keys(settled));
        assertTrue(DilemmaEngine.analyse(settled).commitmentPoint());
    }

    @Test
    void noCharacters() {
        Analysis analysis = DilemmaEngine.analyse(Board.builder().build());
        assertEquals(List.of(), analysis.dilemmas());
        assertTrue(analysis.commitmentPoint());
    }

    @Test
    void eightCharactersInAPublicGoodsAgreement() throws StatementException {
        // Each contributes (c_i) and prefers others to contribute, itself not: at the agreement everyone
        // has a co-operation dilemma and a trust dilemma towards each other character.
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add("c" + i);
        }
        Board.Builder b = Board.builder();
        for (int i = 0; i < 8; i++) {
            b.character("P" + i, "Player " + i);
        }
        for (int i = 0; i < 8; i++) {
            b.option("c" + i, "P" + i, "Player " + i + " contributes", false);
        }
        java.util.Map<String, Boolean> all = new java.util.LinkedHashMap<>();
        ids.forEach(id -> all.put(id, true));
        for (int i = 0; i < 8; i++) {
            List<String> st = new ArrayList<>();
            for (int j = 0; j < 8; j++) {
                if (j != i) {
                    st.add("c" + j);
                }
            }
            st.add("!c" + i);
            b.preference("P" + i, Preference.statements(st, ids));
            b.position("P" + i, all);
            b.intentions("P" + i, map("c" + i, true));
        }
        Analysis analysis = DilemmaEngine.analyse(b.build());
        assertTrue(analysis.commitmentPoint());
        assertEquals(8 + 8 * 7, analysis.dilemmas().size());
        assertEquals(8, analysis.dilemmas().stream().filter(d -> d.kind() == DilemmaKind.COOPERATION).count());
        assertEquals(56, analysis.dilemmas().stream().filter(d -> d.kind() == DilemmaKind.TRUST).count());
        assertEquals("cooperation:P0", analysis.dilemmas().get(0).key());
        assertEquals("trust:P0->P1", analysis.dilemmas().get(8).key());
        assertEquals("trust:P7->P6", analysis.dilemmas().get(63).key());
    }
}
