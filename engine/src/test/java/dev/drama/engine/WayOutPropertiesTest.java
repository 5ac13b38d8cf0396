package dev.drama.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Seeded properties of the ways out (drama-theory.md section 8) over random boards, a third of
 * them after one or two accepted agreements. Each property is checked from the board itself
 * (apply the move, look at the result), not from how the search found the move.
 */
class WayOutPropertiesTest {
    private static final int BOARDS = 600;

    /** Every concrete way out on every board, with the board and the dilemma it belongs to. */
    private record Case(long seed, Board board, Dilemma dilemma, WayOut way) {
        Board after() {
            return way.applyTo(board, dilemma.holder());
        }

        @Override
        public String toString() {
            return "seed " + seed + ": " + dilemma.key() + " " + way.kind() + " \"" + way.description() + "\"";
        }
    }

    private static int forEachWay(Consumer<Case> check) {
        int checked = 0;
        for (long seed = 1; seed <= BOARDS; seed++) {
            Board board = board(seed);
            for (Dilemma d : DilemmaEngine.analyse(board).dilemmas()) {
                for (WayOut w : d.waysOut()) {
                    if (w.isConcrete()) {
                        check.accept(new Case(seed, board, d, w));
                        checked++;
                    }
                }
            }
        }
        return checked;
    }

    static Board board(long seed) {
        RandomBoards random = new RandomBoards(seed);
        Board board = seed % 4 == 0 ? random.board(3, 6) : random.board(5, 3);
        if (seed % 3 == 0 && board.characters().size() > 1 && !board.options().isEmpty()) {
            for (int i = 0, n = 1 + random.random().nextInt(2); i < n; i++) {
                board = board.withAgreement(randomAgreement(board, random));
            }
        }
        return board;
    }

    static Agreement randomAgreement(Board board, RandomBoards random) {
        List<String> ids = new ArrayList<>(board.characters().stream().map(Character::id).toList());
        java.util.Collections.shuffle(ids, random.random());
        Map<String, Boolean> values = random.partial(board.optionIds(), 0.4);
        if (values.isEmpty()) {
            values = Map.of(board.optionIds().get(0), random.random().nextBoolean());
        }
        return new Agreement(ids.subList(0, 2), values);
    }

    @Test
    void everyConcreteWayOutRemovesItsDilemma() {
        int checked = forEachWay(c -> assertFalse(DilemmaEngine.analyse(c.after()).keys().contains(c.dilemma().key()), c::toString));
        assertTrue(checked > 2000, "too few ways out checked: " + checked);
    }

    @Test
    void wayOutsThatSayTheyKeepAgreementsKeepThemAndTheOthersNameTheAgreement() {
        int[] breaking = {0};
        int checked = forEachWay(c -> {
            List<Agreement> broken = brokenBy(c.board(), c.after(), c.dilemma().holder());
            assertEquals(broken, c.way().breaks(), c::toString);
            if (!broken.isEmpty()) {
                breaking[0]++;
                assertTrue(c.way().description().contains("This breaks your agreement with "), c::toString);
            } else {
                assertFalse(c.way().description().contains("agreement with"), c::toString);
            }
        });
        assertTrue(breaking[0] > 20 && breaking[0] < checked / 4, "ways out breaking an agreement: " + breaking[0] + " of " + checked);
    }

    @Test
    void givingUpReleasesOptionsRatherThanFixingThem() {
        int[] released = {0};
        forEachWay(c -> {
            if (c.way().kind() != WayOutKind.CONCEDE || c.dilemma().kind() == DilemmaKind.REJECTION) {
                return;
            }
            released[0]++;
            assertTrue(c.way().position().isEmpty() && c.way().intentions().isEmpty(), c::toString);
            assertFalse(c.way().release().isEmpty(), c::toString);
            String holder = c.dilemma().holder();
            for (String o : c.way().release()) {
                assertTrue(c.board().position(holder).isFixed(o), c + ": released an option that was open: " + o);
                assertFalse(c.after().position(holder).isFixed(o), c + ": still fixes " + o);
            }
        });
        assertTrue(released[0] > 500, "too few releases: " + released[0]);
    }

    @Test
    void costsCompareWhereTheMoveLeadsWithTheThreatenedFuture() {
        forEachWay(c -> {
            String holder = c.dilemma().holder();
            Preference p = c.board().preference(holder);
            int before = p.score(c.board().toArray(c.board().threatenedFuture()));
            Board after = c.after();
            if (!c.way().withdrawDoubt().isEmpty()) {
                assertEquals("changes no future, only what you believe", c.way().cost(), c::toString);
                return;
            }
            boolean threat = !c.way().intentions().isEmpty();
            Future heading = threat ? after.threatenedFuture() : after.completedPosition(holder);
            int score = p.score(after.toArray(heading));
            String word = score > before ? "better" : score == before ? "the same" : "worse";
            assertTrue(c.way().cost().contains(word), c + ": cost \"" + c.way().cost() + "\", expected " + word);
            assertTrue(c.way().cost().startsWith(threat ? "if nobody moves after this" : "if agreed"), c::toString);
        });
    }

    @Test
    void hardeningNeverGivesTheOtherWhatItAsks() {
        forEachWay(c -> {
            if (c.way().kind() != WayOutKind.HARDEN) {
                return;
            }
            Future other = c.board().position(c.dilemma().towards().orElseThrow());
            c.way().intentions().forEach((o, v) ->
                    assertFalse(other.value(o).equals(Optional.of(v)), c + ": " + o + " = " + v + " is what the other asks"));
        });
    }

    @Test
    void atMostOneHardenAndAConcreteWayOutForEveryDoubt() {
        for (long seed = 1; seed <= BOARDS; seed++) {
            Board board = board(seed);
            for (Dilemma d : DilemmaEngine.analyse(board).dilemmas()) {
                long seedNow = seed;
                assertTrue(d.waysOut().stream().filter(w -> w.kind() == WayOutKind.HARDEN).count() <= 1, () -> "seed " + seedNow + " " + d.key());
                if (d.kind() == DilemmaKind.TRUST) {
                    assertTrue(d.waysOut().stream().anyMatch(WayOut::isConcrete), () -> "seed " + seedNow + " " + d.key());
                }
            }
        }
    }

    /** Accepting or moving to another's position takes only what it fixes; what it leaves open is released, never credited to it. */
    @Test
    void valuesTheOtherLeftOpenAreNeverPresentedAsItsDemand() {
        int[] moves = {0};
        forEachWay(c -> {
            if (c.way().kind() != WayOutKind.ACCEPT && c.way().kind() != WayOutKind.MOVE_POSITION) {
                return;
            }
            moves[0]++;
            Board b = c.board();
            String other = c.dilemma().towards().orElseThrow();
            Future theirs = b.position(other);
            c.way().position().forEach((o, v) -> assertEquals(Optional.of(v), theirs.value(o), c::toString));
            for (String o : c.way().release()) {
                assertFalse(theirs.isFixed(o), c::toString);
            }
            for (Option o : b.options()) {
                if (!theirs.isFixed(o.id())) {
                    assertFalse(c.way().description().contains(o.label() + " = "), c + ": names " + o.label() + ", left open");
                }
            }
            assertEquals(b.completedPosition(other), c.after().completedPosition(c.dilemma().holder()), c::toString);
        });
        assertTrue(moves[0] > 200, "too few accepts: " + moves[0]);
    }

    @Test
    void newKindsOfMoveAreFound() {
        Map<WayOutKind, Integer> seen = new LinkedHashMap<>();
        int[] breaking = {0};
        int checked = forEachWay(c -> {
            seen.merge(c.way().kind(), 1, Integer::sum);
            breaking[0] += c.way().keepsAgreements() ? 0 : 1;
        });
        System.out.println("ways out checked on " + BOARDS + " boards: " + checked + " " + seen + ", breaking an agreement: " + breaking[0]);
        for (WayOutKind k : List.of(WayOutKind.ASK_THIRD, WayOutKind.WITHDRAW_DOUBT, WayOutKind.PROMISE, WayOutKind.CONCEDE)) {
            assertTrue(seen.getOrDefault(k, 0) > 10, k + " seen " + seen);
        }
    }

    /**
     * The agreements of the holder's that the move breaks, judged on the boards: the holder's position
     * or intentions move away from an agreed value they held, or the holder stops proposing its own
     * agreed value. Letting another party off its part (releasing that party's option) keeps the agreement.
     */
    static List<Agreement> brokenBy(Board before, Board after, String holder) {
        List<Agreement> broken = new ArrayList<>();
        for (Agreement a : before.agreementsOf(holder)) {
            boolean breaks = false;
            for (Map.Entry<String, Boolean> e : a.values().entrySet()) {
                String o = e.getKey();
                Optional<Boolean> agreed = Optional.of(e.getValue());
                Optional<Boolean> posBefore = before.position(holder).value(o);
                Optional<Boolean> posAfter = after.position(holder).value(o);
                boolean own = before.option(o).orElseThrow().owner().equals(holder);
                breaks |= posAfter.equals(Optional.of(!e.getValue())) && !posAfter.equals(posBefore);
                breaks |= own && posBefore.equals(agreed) && posAfter.isEmpty();
                if (own) {
                    Optional<Boolean> intBefore = before.intentions(holder).value(o);
                    Optional<Boolean> intAfter = after.intentions(holder).value(o);
                    breaks |= intAfter.equals(Optional.of(!e.getValue())) && !intAfter.equals(intBefore);
                }
            }
            if (breaks) {
                broken.add(a);
            }
        }
        return broken;
    }
}
