package dev.drama.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drama.engine.Agreement;
import dev.drama.engine.Analysis;
import dev.drama.engine.Board;
import dev.drama.engine.Dilemma;
import dev.drama.engine.DilemmaEngine;
import dev.drama.engine.WayOut;
import dev.drama.engine.WayOutKind;
import dev.drama.scenarios.load.PackLoader;
import dev.drama.scenarios.model.Inject;
import dev.drama.scenarios.model.Pack;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ways out the bundled packs give, on the cases issue 12 names, and on every pack board. */
class PackAdviceTest {

    private static Pack pack(String id) {
        return PackLoader.load(TestPacks.BUNDLED.resolve(id)).pack().orElseThrow();
    }

    private static Dilemma dilemma(Board board, String key) {
        return DilemmaEngine.analyse(board).dilemmas().stream().filter(d -> d.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + key));
    }

    private static WayOut way(Dilemma d, WayOutKind kind) {
        return d.waysOut().stream().filter(w -> w.kind() == kind).findFirst()
                .orElseThrow(() -> new AssertionError(d.key() + " has no " + kind + ": " + d.waysOut()));
    }

    @Test
    void karenCanMakeMaureenWantToStayByGivingUpTheAgenda() {
        Board board = pack("community-safety").openingBoard();
        WayOut promise = way(dilemma(board, "trust:council->chair"), WayOutKind.PROMISE);
        assertEquals(Map.of("agenda", false), promise.position());
        assertFalse(DilemmaEngine.analyse(promise.applyTo(board, "council")).keys().contains("trust:council->chair"));
    }

    @Test
    void maureenCanPersuadeKarenByAskingTheYardToStay() {
        Board board = pack("community-safety").openingBoard();
        WayOut ask = way(dilemma(board, "persuasion:chair->council"), WayOutKind.ASK_THIRD);
        assertEquals(Map.of("ywalk", false), ask.position());
        assertEquals("Ask Dev Sandhu for The Yard withdraws = no as well. Karen Whitlow would then prefer your position to what "
                + "happens if nobody moves.", ask.description());
        assertEquals("if agreed: better for you than if nobody moves", ask.cost());
    }

    @Test
    void aishaGivingUpHerDemandsOnMartinLeavesThemOpenAndEndsHerTrustDilemmaToo() {
        Board board = pack("scrutiny").openingBoard();
        Dilemma persuasion = dilemma(board, "persuasion:chair->cabinet");
        assertEquals("Your position does not persuade Cllr Martin Greaves. You ask Cllr Martin Greaves for Whip the vote = no, "
                + "Ward-by-ward figures = yes, Critical friend = yes, but Cllr Martin Greaves prefers what happens if nobody moves. "
                + "Taken one at a time, Cllr Martin Greaves would refuse Ward-by-ward figures and Critical friend, and would agree "
                + "to Whip the vote.", persuasion.explanation());
        WayOut giveUp = way(persuasion, WayOutKind.CONCEDE);
        assertEquals("Give up your demands on Cllr Martin Greaves: stop asking for Whip the vote, Ward-by-ward figures and "
                + "Critical friend.", giveUp.description());
        assertEquals(Map.of(), giveUp.position());
        assertEquals(List.of("whip", "wards", "friend"), giveUp.release());
        Board after = giveUp.applyTo(board, "chair");
        assertFalse(after.position("chair").isFixed("whip"), "she stops asking; she does not ask him to whip");
        List<String> keys = DilemmaEngine.analyse(after).keys();
        assertFalse(keys.contains("persuasion:chair->cabinet"));
        assertFalse(keys.contains("trust:chair->cabinet"), "nothing left to trust Martin with");
    }

    @Test
    void afterKarenAcceptsTwoOffersHerWaysOutSayWhichAgreementTheyBreak() {
        Board board = pack("community-safety").openingBoard()
                .withAgreement(new Agreement(List.of("chair", "council"), Map.of("agenda", false, "walkout", false)))
                .withAgreement(new Agreement(List.of("youth", "council"), Map.of("fund", true, "ywalk", false)));
        List<Dilemma> karens = DilemmaEngine.analyse(board).of("council");
        assertFalse(karens.isEmpty());
        int breaking = 0;
        for (Dilemma d : karens) {
            boolean keptSoFar = true;
            for (WayOut w : d.waysOut()) {
                if (!w.isConcrete()) {
                    continue;
                }
                if (w.keepsAgreements()) {
                    assertTrue(keptSoFar, d.key() + ": moves that keep the agreements come first: " + d.waysOut());
                    assertFalse(w.description().contains("agreement with"), w.description());
                } else {
                    keptSoFar = false;
                    breaking++;
                    for (Agreement a : w.breaks()) {
                        String with = a.parties().contains("chair") ? "Maureen Cassidy" : "Dev Sandhu";
                        assertTrue(w.description().contains("This breaks your agreement with " + with + " on "), w.description());
                    }
                }
            }
        }
        assertTrue(breaking > 0, "Karen's temptations are to go back on what she agreed: " + karens);
    }

    @Test
    void everyWayOutOnEveryPackBoardRemovesItsDilemma() {
        int checked = 0;
        for (Path dir : packDirs()) {
            Pack pack = PackLoader.load(dir).pack().orElseThrow();
            List<Board> boards = new ArrayList<>();
            boards.add(pack.openingBoard());
            Board all = pack.openingBoard();
            for (Inject inject : pack.injects()) {
                boards.add(inject.applyTo(pack.openingBoard()));
                all = inject.applyTo(all);
            }
            boards.add(all);
            for (Board board : boards) {
                Analysis analysis = DilemmaEngine.analyse(board);
                for (Dilemma d : analysis.dilemmas()) {
                    assertTrue(d.waysOut().stream().filter(w -> w.kind() == WayOutKind.HARDEN).count() <= 1, d.key());
                    for (WayOut w : d.waysOut()) {
                        if (w.isConcrete()) {
                            checked++;
                            assertFalse(DilemmaEngine.analyse(w.applyTo(board, d.holder())).keys().contains(d.key()),
                                    dir + " " + d.key() + ": " + w.description());
                        }
                    }
                }
            }
        }
        assertTrue(checked > 300, "ways out checked: " + checked);
    }

    private static List<Path> packDirs() {
        try {
            return BundledPacksTest.packs();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
