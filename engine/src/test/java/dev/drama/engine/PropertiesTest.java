package dev.drama.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drama.engine.preference.StatementPreference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Seeded, reproducible properties over many random boards (the seed is in each message). */
class PropertiesTest {
    private static final int BOARDS = 400;

    @Test
    void everyConcreteWayOutRemovesItsDilemma() {
        int checked = 0;
        for (long seed = 1; seed <= BOARDS + 100; seed++) {
            // The last hundred boards give characters up to 6 options, for deeper searches.
            Board board = seed <= BOARDS ? new RandomBoards(seed).board(5, 3) : new RandomBoards(seed).board(3, 6);
            Analysis analysis = DilemmaEngine.analyse(board);
            for (Dilemma d : analysis.dilemmas()) {
                for (WayOut w : d.waysOut()) {
                    if (!w.isConcrete()) {
                        continue;
                    }
                    Board after = w.applyTo(board, d.holder());
                    List<String> keys = DilemmaEngine.analyse(after).keys();
                    long s = seed;
                    assertFalse(keys.contains(d.key()), () -> "seed " + s + ": " + w.kind() + " " + w.description()
                            + " did not remove " + d.key() + " on " + board);
                    checked++;
                }
            }
        }
        assertTrue(checked > 500, "too few ways out checked: " + checked);
    }

    @Test
    void everyDilemmaOffersAWayOutAndTheRightAdvice() {
        for (long seed = 1; seed <= BOARDS; seed++) {
            Board board = new RandomBoards(seed).board(5, 3);
            for (Dilemma d : DilemmaEngine.analyse(board).dilemmas()) {
                assertFalse(d.waysOut().isEmpty(), d.key());
                assertFalse(d.explanation().isBlank(), d.key());
                assertEquals(d.kind().hasTowards(), d.towards().isPresent(), d.key());
                if (d.kind() == DilemmaKind.COOPERATION) {
                    assertTrue(d.waysOut().stream().anyMatch(w -> w.kind() == WayOutKind.BIND_PROMISE && !w.isConcrete()));
                }
                if (d.kind() == DilemmaKind.TRUST) {
                    assertTrue(d.waysOut().stream().anyMatch(w -> w.kind() == WayOutKind.SEEK_GUARANTEE && !w.isConcrete()));
                }
                if (d.kind() == DilemmaKind.PERSUASION) {
                    assertTrue(d.waysOut().stream().anyMatch(w -> w.kind() == WayOutKind.CONCEDE && w.isConcrete()),
                            "giving up the demand always removes a persuasion dilemma");
                }
            }
        }
    }

    @Test
    void analysisIsDeterministicAndSorted() {
        for (long seed = 1; seed <= BOARDS; seed++) {
            Board board = new RandomBoards(seed).board(6, 3);
            Analysis first = DilemmaEngine.analyse(board);
            assertEquals(first, DilemmaEngine.analyse(board));
            List<String> ids = board.characters().stream().map(Character::id).toList();
            for (int i = 1; i < first.dilemmas().size(); i++) {
                Dilemma x = first.dilemmas().get(i - 1);
                Dilemma y = first.dilemmas().get(i);
                int byKind = x.kind().compareTo(y.kind());
                int byHolder = Integer.compare(ids.indexOf(x.holder()), ids.indexOf(y.holder()));
                int byTowards = Integer.compare(x.towards().map(ids::indexOf).orElse(-1), y.towards().map(ids::indexOf).orElse(-1));
                assertTrue(byKind < 0 || byKind == 0 && (byHolder < 0 || byHolder == 0 && byTowards < 0), x.key() + " before " + y.key());
            }
        }
    }

    @Test
    void aCommitmentPointEveryoneRanksFirstHasNoDilemma() {
        for (long seed = 1; seed <= BOARDS; seed++) {
            RandomBoards random = new RandomBoards(seed);
            Board base = random.board(6, 3);
            List<String> ids = base.optionIds();
            Map<String, Boolean> agreement = random.partial(ids, 1.0);
            String exactly = ids.isEmpty() ? null : ids.stream().map(id -> agreement.get(id) ? id : "!" + id).collect(Collectors.joining(" & "));
            Board.Builder b = base.toBuilder();
            for (Character c : base.characters()) {
                List<String> statements = new ArrayList<>();
                if (exactly != null) {
                    statements.add(exactly); // the agreement, first: it outranks every other future
                    statements.addAll(random.statements(ids, random.random().nextInt(4)));
                }
                b.preference(c.id(), statements(statements, ids));
                b.position(c.id(), random.random().nextBoolean() ? agreement : subset(agreement, random));
                Map<String, Boolean> intents = new LinkedHashMap<>();
                for (Option o : base.optionsOf(c.id())) {
                    intents.put(o.id(), agreement.get(o.id()));
                }
                b.intentions(c.id(), intents);
                for (Character other : base.characters()) {
                    b.removeDoubt(c.id(), other.id());
                }
            }
            Board board = b.build();
            Analysis analysis = DilemmaEngine.analyse(board);
            assertTrue(analysis.commitmentPoint(), "seed " + seed);
            assertEquals(List.of(), analysis.keys(), "seed " + seed);
        }
    }

    @Test
    void swappingTheNamesInASymmetricGameSwapsTheirDilemmas() {
        for (long seed = 1; seed <= BOARDS; seed++) {
            RandomBoards random = new RandomBoards(seed);
            int k = 1 + random.random().nextInt(3);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                ids.add("a" + i);
            }
            for (int i = 0; i < k; i++) {
                ids.add("b" + i);
            }
            List<String> statementsA = random.statements(ids, 1 + random.random().nextInt(4));
            Map<String, Boolean> posA = random.partial(ids, 0.6);
            Map<String, Boolean> intentsA = new LinkedHashMap<>();
            Map<String, Boolean> sq = new HashMap<>();
            for (int i = 0; i < k; i++) {
                sq.put("a" + i, random.random().nextBoolean());
                if (random.random().nextBoolean()) {
                    intentsA.put("a" + i, random.random().nextBoolean());
                }
            }
            boolean doubt = random.random().nextInt(4) == 0;
            Board.Builder b = Board.builder().character("A", "Ann").character("B", "Ben");
            for (int i = 0; i < k; i++) {
                b.option("a" + i, "A", "Ann's " + i, sq.get("a" + i));
            }
            for (int i = 0; i < k; i++) {
                b.option("b" + i, "B", "Ben's " + i, sq.get("a" + i));
            }
            b.preference("A", statements(statementsA, ids)).preference("B", statements(mirror(statementsA), ids));
            b.position("A", posA).position("B", mirror(posA)).intentions("A", intentsA).intentions("B", mirror(intentsA));
            if (doubt) {
                b.doubt("A", "B").doubt("B", "A");
            }
            Board board = b.build();
            Set<String> keys = new TreeSet<>(DilemmaEngine.analyse(board).keys());
            Set<String> swapped = keys.stream().map(PropertiesTest::swapNames).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(keys, swapped, "seed " + seed + " " + board);
        }
    }

    @Test
    void renamingCharactersRenamesTheirDilemmas() {
        for (long seed = 1; seed <= BOARDS; seed++) {
            Board board = new RandomBoards(seed).board(5, 3);
            Map<String, String> rename = new HashMap<>();
            for (Character c : board.characters()) {
                rename.put(c.id(), "Z" + c.id().toLowerCase());
            }
            Board.Builder b = Board.builder();
            board.characters().forEach(c -> b.character(rename.get(c.id()), c.name()));
            board.options().forEach(o -> b.option(o.id(), rename.get(o.owner()), o.label(), o.statusQuo()));
            for (Character c : board.characters()) {
                String id = rename.get(c.id());
                b.preference(id, board.preference(c.id())).position(id, board.position(c.id()).values())
                        .intentions(id, board.intentions(c.id()).values());
                board.doubts(c.id()).forEach(about -> b.doubt(id, rename.get(about)));
            }
            List<String> expected = DilemmaEngine.analyse(board).dilemmas().stream().map(d -> Dilemma.key(d.kind(), rename.get(d.holder()),
                    d.towards().map(rename::get).orElse(null))).toList();
            assertEquals(expected, DilemmaEngine.analyse(b.build()).keys(), "seed " + seed);
        }
    }

    /**
     * A statement at the lowest priority can only break ties; one that is constant on every future
     * the rules compare changes nothing. A new option that nobody's position fixes and nobody states
     * an intention on is never contested and never deviated on, so every compared future has it at its
     * status quo: a lowest-priority statement about it ranks only futures nobody compares.
     */
    @Test
    void aLowestPriorityStatementOnFuturesNobodyComparesChangesNothing() {
        int tried = 0;
        for (long seed = 1; seed <= BOARDS; seed++) {
            RandomBoards random = new RandomBoards(seed);
            Board board = random.board(5, 3);
            Character who = board.characters().get(random.random().nextInt(board.characters().size()));
            if (!(board.preference(who.id()) instanceof StatementPreference sp)) {
                continue;
            }
            tried++;
            Character owner = board.characters().get(random.random().nextInt(board.characters().size()));
            Board wider = board.withOption(new Option("fresh", owner.id(), "A new option", random.random().nextBoolean()));
            List<String> more = new ArrayList<>(sp.statements());
            more.add(random.random().nextBoolean() ? "fresh" : "!fresh");
            Board after = wider.withPreference(who.id(), statements(more, wider.optionIds()));
            assertEquals(DilemmaEngine.analyse(board).keys(), DilemmaEngine.analyse(after).keys(), "seed " + seed);
        }
        assertTrue(tried > 100, "too few statement preferences: " + tried);
    }

    /**
     * Where a position departs from T on exactly one option, comply = the position itself, so the
     * option-level verdict must agree with the scenario-level rule.
     */
    @Test
    void optionLevelDetailAgreesWithTheScenarioLevelVerdict() {
        int single = 0;
        for (long seed = 1; seed <= BOARDS * 2; seed++) {
            Board board = new RandomBoards(seed).board(4, 3);
            Analysis analysis = DilemmaEngine.analyse(board);
            Set<String> keys = Set.copyOf(analysis.keys());
            Future t = analysis.threatenedFuture();
            for (Character a : board.characters()) {
                Future hat = board.completedPosition(a.id());
                List<String> departs = board.optionIds().stream().filter(o -> !hat.value(o).equals(t.value(o))).toList();
                for (Dilemma d : analysis.of(a.id())) {
                    for (OptionDetail od : d.detail()) {
                        String proposer = d.kind() == DilemmaKind.PERSUASION ? d.holder() : d.towards().orElseThrow();
                        String owner = d.kind() == DilemmaKind.PERSUASION ? d.towards().orElseThrow() : d.holder();
                        assertEquals(owner, od.ownerId());
                        assertEquals(board.position(proposer).value(od.optionId()), java.util.Optional.of(od.proposed()));
                        assertEquals(t.value(od.optionId()), java.util.Optional.of(od.threatened()));
                        assertTrue(od.proposed() != od.threatened());
                    }
                }
                if (departs.size() != 1 || !board.position(a.id()).isFixed(departs.get(0))) {
                    continue;
                }
                String o = departs.get(0);
                String ownerId = board.option(o).orElseThrow().owner();
                if (ownerId.equals(a.id())) {
                    continue;
                }
                single++;
                String persuasion = Dilemma.key(DilemmaKind.PERSUASION, a.id(), ownerId);
                Dilemma p = analysis.dilemmas().stream().filter(d -> d.key().equals(persuasion)).findFirst().orElse(null);
                if (p != null) {
                    assertEquals(1, p.detail().size());
                    assertTrue(!p.detail().get(0).verdict().equals(OptionDetail.REJECTION), "seed " + seed);
                }
                String rejection = Dilemma.key(DilemmaKind.REJECTION, ownerId, a.id());
                Dilemma r = analysis.dilemmas().stream().filter(d -> d.key().equals(rejection)).findFirst().orElse(null);
                if (r != null) {
                    assertEquals(List.of(OptionDetail.REJECTION), r.detail().stream().map(OptionDetail::verdict).toList(), "seed " + seed);
                }
                if (p == null) {
                    // B prefers compliance, which is A's position: with B's position different, B has a rejection dilemma.
                    boolean differs = !board.completedPosition(ownerId).equals(hat);
                    assertEquals(differs, keys.contains(rejection), "seed " + seed);
                }
            }
        }
        assertTrue(single > 100, "too few single-option positions: " + single);
    }

    private static Map<String, Boolean> subset(Map<String, Boolean> m, RandomBoards random) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            if (random.random().nextBoolean()) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static Preference statements(List<String> statements, List<String> ids) {
        try {
            return Preference.statements(statements, ids);
        } catch (StatementException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> mirror(List<String> statements) {
        return statements.stream().map(s -> s.replace("a", "#").replace("b", "a").replace("#", "b")).toList();
    }

    private static Map<String, Boolean> mirror(Map<String, Boolean> m) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k.startsWith("a") ? "b" + k.substring(1) : "a" + k.substring(1), v));
        return out;
    }

    private static String swapNames(String key) {
        return key.replace("A", "#").replace("B", "A").replace("#", "B");
    }
}
