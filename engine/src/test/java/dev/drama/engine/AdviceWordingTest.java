package dev.drama.engine;

import static dev.drama.engine.Boards.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden texts of the advice on the worked examples, read aloud when they were written. */
class AdviceWordingTest {

    private static Dilemma dilemma(Board board, String key) {
        return DilemmaEngine.analyse(board).dilemmas().stream().filter(d -> d.key().equals(key)).findFirst().orElseThrow();
    }

    private static List<String> ways(Dilemma d) {
        return d.waysOut().stream().map(w -> w.description() + " (" + w.cost() + ")").toList();
    }

    @Test
    void chickenAsAliceHearsIt() {
        Board chicken = Boards.chicken();
        Dilemma rejection = dilemma(chicken, "rejection:A->B");
        assertEquals("You cannot credibly refuse Bob. Bob asks you for Alice swerves = yes, and you prefer that position to what "
                + "happens if nobody moves. Bob can expect you to give way.", rejection.explanation());
        assertEquals(List.of(
                "Accept Bob's position: Alice swerves = yes, Bob swerves = no. (if agreed: better for you than if nobody moves)",
                "Harden: commit yourself in public, or show what Bob's position would cost you, so that you really prefer what happens "
                        + "if nobody moves. (not a move on the board: it depends on what you can arrange)"), ways(rejection));
        Dilemma threat = dilemma(chicken, "threat:A");
        assertEquals("Your threat is not credible. If nobody moved, you would rather make it Alice swerves = yes than do what you said "
                + "you would, and the others may call your bluff.", threat.explanation());
        assertEquals("Drop the threat: say that you will make it Alice swerves = yes, as Bob asks. (if nobody moves after this: better "
                + "for you than now)", ways(threat).get(0), "dropping a threat you would not carry out is a gain, not a cost");
    }

    @Test
    void withoutStatedIntentionsTheAdviceDoesNotMentionThem() {
        Board chicken = Boards.chicken().toBuilder().intentions("A", map()).build(); // Alice's swerve stays at its status quo (no)
        Dilemma threat = dilemma(chicken, "threat:A");
        assertTrue(threat.explanation().contains("than leave things as they are"), threat.explanation());
        assertEquals("Commit irrevocably to leaving Alice swerves as it is (a public pledge, a tripwire), so that backing down is no "
                + "longer a choice.", threat.waysOut().get(threat.waysOut().size() - 1).description());
    }

    @Test
    void aNameEndingInSTakesTheApostropheAloneAndShortLabelsAreUsed() {
        Board.Builder b = Board.builder();
        Board chicken = Boards.chicken();
        b.character("A", "Alice").character("B", "Greaves");
        for (Option o : chicken.options()) {
            b.option(new Option(o.id(), o.owner(), o.label() + " at the very last moment", o.statusQuo(), o.label()));
        }
        chicken.characters().forEach(c -> b.preference(c.id(), chicken.preference(c.id()))
                .position(c.id(), chicken.position(c.id()).values()).intentions(c.id(), chicken.intentions(c.id()).values()));
        Dilemma rejection = dilemma(b.build(), "rejection:A->B");
        assertEquals("Accept Greaves' position: Alice swerves = yes, Bob swerves = no.", rejection.waysOut().get(0).description());
    }
}
