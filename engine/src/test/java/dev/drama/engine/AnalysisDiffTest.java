package dev.drama.engine;

import static dev.drama.engine.Boards.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnalysisDiffTest {

    @Test
    void keysIdentifyDilemmas() {
        Analysis tv = DilemmaEngine.analyse(Boards.television());
        assertEquals("persuasion:H->W", tv.dilemmas().get(0).key());
        Analysis agreed = DilemmaEngine.analyse(Boards.prisonersAgreed());
        assertEquals("cooperation:A", agreed.dilemmas().get(0).key());
    }

    @Test
    void aroseAndResolvedByKey() {
        Board greedy = Boards.prisonersGreedy();
        Board agreed = Boards.prisonersAgreed();
        AnalysisDiff diff = AnalysisDiff.between(DilemmaEngine.analyse(greedy), DilemmaEngine.analyse(agreed));
        assertEquals(List.of("cooperation:A", "cooperation:B"), diff.arose().stream().map(Dilemma::key).toList());
        assertEquals(List.of("persuasion:A->B", "persuasion:B->A"), diff.resolved().stream().map(Dilemma::key).toList());
        assertTrue(AnalysisDiff.between(DilemmaEngine.analyse(agreed), DilemmaEngine.analyse(agreed)).isEmpty());
        assertEquals(4, AnalysisDiff.between(null, DilemmaEngine.analyse(agreed)).arose().size());
    }

    @Test
    void applyingAWayOutResolvesItsDilemma() {
        Board chicken = Boards.chicken();
        Analysis before = DilemmaEngine.analyse(chicken);
        Dilemma threat = before.dilemmas().stream().filter(d -> d.key().equals("threat:A")).findFirst().orElseThrow();
        WayOut drop = threat.waysOut().get(0);
        assertEquals(WayOutKind.DROP_THREAT, drop.kind());
        assertEquals(map("a", true), drop.intentions());
        AnalysisDiff diff = AnalysisDiff.between(before, DilemmaEngine.analyse(drop.applyTo(chicken, "A")));
        assertTrue(diff.resolved().stream().anyMatch(d -> d.key().equals("threat:A")), diff.toString());
    }
}
