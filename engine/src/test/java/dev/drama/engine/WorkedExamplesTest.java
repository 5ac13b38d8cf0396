package dev.drama.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Section 4: every worked example gives exactly the dilemmas stated, no more, no fewer. */
class WorkedExamplesTest {

    @Test
    void televisionHasMirrorPersuasionAndTrust() {
        Board board = Boards.television();
        Analysis analysis = DilemmaEngine.analyse(board);
        assertEquals(Boards.map("tv", true, "nag", true), analysis.threatenedFuture().values());
        assertEquals(List.of("persuasion:H->W", "persuasion:W->H", "trust:H->W", "trust:W->H"), analysis.keys());
        assertTrue(analysis.crisisPoint());
        assertFalse(analysis.commitmentPoint());
    }

    @Test
    void televisionWithoutTrustTemptationOnlyNeedsDoubtForTrust() {
        Analysis analysis = DilemmaEngine.analyse(Boards.television());
        Dilemma p = analysis.dilemmas().get(0);
        assertEquals(Boards.map("tv", true, "nag", false), p.compared().values());
        assertEquals(Boards.map("tv", true, "nag", true), p.against().values());
        assertEquals(1, p.detail().size());
        assertEquals("nag", p.detail().get(0).optionId());
        assertEquals(OptionDetail.PERSUASION, p.detail().get(0).verdict());
    }

    @Test
    void prisonersAgreedHaveCooperationAndTrust() {
        Analysis analysis = DilemmaEngine.analyse(Boards.prisonersAgreed());
        assertEquals(List.of("cooperation:A", "cooperation:B", "trust:A->B", "trust:B->A"), analysis.keys());
        assertTrue(analysis.commitmentPoint());
        assertFalse(analysis.crisisPoint());
    }

    @Test
    void prisonersGreedyHavePersuasionAndTrust() {
        Analysis analysis = DilemmaEngine.analyse(Boards.prisonersGreedy());
        assertEquals(Boards.map("a", false, "b", false), analysis.threatenedFuture().values());
        assertEquals(List.of("persuasion:A->B", "persuasion:B->A", "trust:A->B", "trust:B->A"), analysis.keys());
    }

    @Test
    void chickenHasRejectionAndThreat() {
        Analysis analysis = DilemmaEngine.analyse(Boards.chicken());
        assertEquals(List.of("rejection:A->B", "rejection:B->A", "threat:A", "threat:B"), analysis.keys());
        Dilemma threat = analysis.dilemmas().get(2);
        assertEquals(Boards.map("a", true, "b", false), threat.compared().values(), "Alice would rather swerve than crash");
        assertEquals(threat.against(), analysis.threatenedFuture());
    }

    @Test
    void bosniaForceHasOnePersuasionTowardsTheFactionWithThreeOptionsAndARejection() {
        Analysis analysis = DilemmaEngine.analyse(Boards.bosnia());
        List<Dilemma> force = analysis.of("P");
        Dilemma persuasion = force.stream().filter(d -> d.key().equals("persuasion:P->F")).findFirst().orElseThrow();
        assertEquals(List.of("attack", "withdraw", "hostages"), persuasion.detail().stream().map(OptionDetail::optionId).toList());
        assertTrue(persuasion.detail().stream().allMatch(d -> d.verdict().equals(OptionDetail.PERSUASION)),
                () -> "the faction prefers T on each option: " + persuasion.detail());
        assertTrue(force.stream().anyMatch(d -> d.key().equals("rejection:P->F")), () -> analysis.keys().toString());
    }
}
