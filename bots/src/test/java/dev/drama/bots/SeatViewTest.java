package dev.drama.bots;

import static dev.drama.bots.Table.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drama.engine.Analysis;
import dev.drama.engine.Board;
import dev.drama.engine.DilemmaEngine;
import dev.drama.engine.Future;
import dev.drama.proto.DilemmaEvent;
import dev.drama.proto.Offer;
import dev.drama.proto.OfferEvent;
import dev.drama.proto.Phase;
import dev.drama.proto.SessionState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeatViewTest {
    private final Board board = StancesTest.chicken();
    private final Analysis analysis = DilemmaEngine.analyse(board);

    @Test
    void keepsOnlyItsOwnDilemmasAndForgetsResolvedOnes() {
        SeatView view = new SeatView("A");
        analysis.dilemmas().forEach(d -> view.apply(Table.dilemma(d, DilemmaEvent.Change.AROSE)));
        assertEquals(analysis.of("A").size(), view.dilemmas().size(), "in the debrief everyone's dilemmas are sent");
        view.apply(Table.dilemma(analysis.of("A").get(0), DilemmaEvent.Change.RESOLVED));
        assertEquals(analysis.of("A").size() - 1, view.dilemmas().size());
    }

    @Test
    void learnsWhatItsOwnMovesSetFromTheBoardsTheyChangedUntilThePhaseEnds() {
        SeatView view = new SeatView("A");
        view.apply(Table.message(b -> b.setSessionState(SessionState.newBuilder().setPhase(Phase.NEGOTIATION))));
        view.apply(Table.message(b -> b.setBoard(Table.view(board, analysis))));
        Board moved = board.withPosition("A", Future.of(map("a", true)));
        view.apply(Table.message(b -> b.setBoard(Table.view(moved, DilemmaEngine.analyse(moved)).toBuilder().setChangedBy("A"))));
        Board theirs = moved.withPosition("B", Future.of(map("b", true)));
        view.apply(Table.message(b -> b.setBoard(Table.view(theirs, DilemmaEngine.analyse(theirs)).toBuilder().setChangedBy("B"))));

        assertEquals(map("a", true), view.ownPositionMoves(), "b was left open by its own move");
        assertEquals(map("a", true), view.position("A"));
        view.apply(Table.message(b -> b.setSessionState(SessionState.newBuilder().setPhase(Phase.MOMENT_OF_TRUTH))));
        assertTrue(view.ownPositionMoves().isEmpty());
    }

    @Test
    void anOfferAwaitsItUntilItHasAcceptedIt() {
        SeatView view = new SeatView("A");
        Offer offer = StancesTest.offer("o1", "B", "A", map("a", true), Map.of(), Map.of()).toBuilder()
                .addToCharacterIds("C").build();
        view.apply(Table.message(b -> b.setOffer(OfferEvent.newBuilder().setOffer(offer))));
        assertEquals(List.of(offer), view.offersAwaitingMe());
        Offer accepted = offer.toBuilder().addAcceptedBy("A").build();
        view.apply(Table.message(b -> b.setOffer(OfferEvent.newBuilder().setOffer(accepted))));
        assertTrue(view.offersAwaitingMe().isEmpty(), "still pending for C, but answered by A");
        assertTrue(view.agreements().isEmpty());
    }
}
