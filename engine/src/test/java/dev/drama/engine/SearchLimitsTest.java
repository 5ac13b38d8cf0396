package dev.drama.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A way-out search skipped for a character owning too many options is said in the analysis, never silent. */
class SearchLimitsTest {

    /**
     * A owns {@code owned} options, promises o0 = no and asks B for x = yes, which B refuses; a threat
     * of o0 = yes (which B dislikes most) would persuade B, and the threaten search flips A's options.
     */
    private static Board board(int owned) throws StatementException {
        List<String> ids = new ArrayList<>();
        Board.Builder b = Board.builder().character("A", "Ann").character("B", "Bob");
        for (int i = 0; i < owned; i++) {
            ids.add("o" + i);
            b.option("o" + i, "A", "Option " + i, false);
        }
        ids.add("x");
        b.option("x", "B", "X", false);
        return b.preference("A", Preference.statements(List.of("x"), ids))
                .preference("B", Preference.statements(List.of("!o0", "!x"), ids))
                .position("A", Map.of("x", true, "o0", false))
                .build();
    }

    @Test
    void aSkippedSearchIsNamedInTheAnalysis() throws StatementException {
        Analysis analysis = DilemmaEngine.analyse(board(WayOutSearch.MAX_SEARCH + 2));
        assertTrue(analysis.keys().contains("persuasion:A->B"), analysis.keys().toString());
        assertEquals(List.of("Ways out that change several of Ann's options were not searched: Ann owns 14 options, and a search"
                + " tries combinations of at most 12 of one character's (the dilemmas themselves are exact)."), analysis.limits());
    }

    @Test
    void withinTheLimitEverySearchRunsAndNothingIsSaid() throws StatementException {
        Analysis analysis = DilemmaEngine.analyse(board(WayOutSearch.MAX_SEARCH));
        assertTrue(analysis.keys().contains("persuasion:A->B"), analysis.keys().toString());
        assertEquals(List.of(), analysis.limits());
        // The threaten search ran: o0 = yes without an agreement is what Bob would most rather avoid.
        Dilemma persuasion = analysis.dilemmas().stream().filter(d -> d.key().equals("persuasion:A->B")).findFirst().orElseThrow();
        assertTrue(persuasion.waysOut().stream().anyMatch(w -> w.kind() == WayOutKind.THREATEN), persuasion.waysOut().toString());
    }
}
