package dev.drama.bots;

import static dev.drama.bots.Table.map;
import static dev.drama.bots.Table.rank;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drama.engine.Board;
import dev.drama.engine.DilemmaEngine;
import dev.drama.engine.DilemmaKind;
import dev.drama.proto.ClientMessage;
import dev.drama.proto.Offer;
import dev.drama.proto.Phase;
import dev.drama.proto.RespondToOffer;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Each stance on a small board where the right move is known. */
class StancesTest {

    /**
     * The council (A) wants the residents (B) to stay and a PSPO; the residents want funding
     * and no PSPO, and threaten to walk out. Only promising the funding persuades them, and the
     * council still prefers that to the walk-out.
     */
    static Board council() {
        List<String> ids = List.of("fund", "pspo", "walkout");
        return Board.builder()
                .character("A", "Council").character("B", "Residents")
                .option("fund", "A", "Fund youth outreach", false)
                .option("pspo", "A", "Introduce a PSPO", false)
                .option("walkout", "B", "Residents walk out", false)
                .preference("A", Table.statements(List.of("!walkout", "pspo", "!fund"), ids))
                .preference("B", Table.statements(List.of("fund", "!pspo", "walkout"), ids))
                .position("A", map("walkout", false, "pspo", true))
                .position("B", map("fund", true, "pspo", false))
                .intentions("A", map("pspo", true))
                .intentions("B", map("walkout", true))
                .build();
    }

    /**
     * A wants B to pay, and proposes not to strike; B would rather not pay. Threatening to
     * strike persuades B, but A would rather not strike: the threat is not credible.
     */
    static Board strike() {
        return Board.builder()
                .character("A", "Union").character("B", "Employer")
                .option("strike", "A", "Strike", false)
                .option("pay", "B", "Pay the rise", false)
                .preference("A", rank("ny", "nn", "yy", "yn"))
                .preference("B", rank("nn", "ny", "yn", "yy"))
                .position("A", map("strike", false, "pay", true))
                .position("B", map("pay", false))
                .build();
    }

    /** Chicken: each would rather swerve than crash, but wants the other to swerve. */
    static Board chicken() {
        return Board.builder()
                .character("A", "Ann").character("B", "Ben")
                .option("a", "A", "Ann swerves", false)
                .option("b", "B", "Ben swerves", false)
                .preference("A", rank("ny", "yy", "yn", "nn"))
                .preference("B", rank("yn", "yy", "ny", "nn"))
                .position("A", map("a", false, "b", true))
                .position("B", map("a", true, "b", false))
                .intentions("A", map("a", false))
                .intentions("B", map("b", false))
                .build();
    }

    /** The prisoners' dilemma, agreed: both co-operate by an accepted offer, each tempted to defect. */
    static Board prisoners() {
        return Board.builder()
                .character("A", "Alice").character("B", "Bob")
                .option("a", "A", "Alice co-operates", true)
                .option("b", "B", "Bob co-operates", true)
                .preference("A", rank("ny", "yy", "nn", "yn"))
                .preference("B", rank("yn", "yy", "nn", "ny"))
                .position("A", map("a", true, "b", true))
                .position("B", map("a", true, "b", true))
                .intentions("A", map("a", true))
                .intentions("B", map("b", true))
                .agreement(List.of("A", "B"), map("a", true, "b", true))
                .build();
    }

    static Offer offer(String id, String from, String to, Map<String, Boolean> ask, Map<String, Boolean> promise,
                       Map<String, Boolean> threat) {
        return Offer.newBuilder().setOfferId(id).setFromCharacterId(from).addToCharacterIds(to)
                .addAllAsk(Commands.settings(ask)).addAllPromise(Commands.settings(promise)).addAllThreat(Commands.settings(threat))
                .setStatus(Offer.Status.PENDING).build();
    }

    private static List<ClientMessage> boardMoves(List<BotMove> moves) {
        return moves.stream().map(BotMove::command).filter(c -> !Commands.isTalk(c)).toList();
    }

    private static boolean has(Table t, DilemmaKind kind, String holder) {
        return t.analysis().of(holder).stream().anyMatch(d -> d.kind() == kind);
    }

    @Test
    void aRealistMakesThePromiseThatResolvesItsPersuasionDilemmaAndOffersItsTerms() {
        Table t = new Table(council(), "A", Stance.REALIST, 1).start(Phase.NEGOTIATION);
        assertTrue(has(t, DilemmaKind.PERSUASION, "A"));

        List<BotMove> moves = t.run(20);

        assertTrue(moves.get(0).command().getSay().getText().endsWith("Our mandate: Can commit its own budget."),
                "it opens with its mandate: " + moves);
        ClientMessage first = boardMoves(moves).get(0);
        assertEquals(map("fund", true), Commands.values(first.getSetPosition().getSettingsList()));
        assertFalse(has(t, DilemmaKind.PERSUASION, "A"), "the promise resolved it");
        BotMove promise = moves.stream().filter(m -> m.command() == first).findFirst().orElseThrow();
        assertTrue(promise.reason().contains("persuasion dilemma towards Residents"), promise.reason());
        ClientMessage offer = boardMoves(moves).get(1);
        assertEquals(List.of("B"), offer.getMakeOffer().getToCharacterIdsList());
        assertEquals(map("walkout", false), Commands.values(offer.getMakeOffer().getAskList()));
        assertEquals(map("fund", true), Commands.values(offer.getMakeOffer().getPromiseList()));
        assertTrue(offer.getMakeOffer().getNote().contains("Fund youth outreach: yes"), offer.getMakeOffer().getNote());
    }

    @Test
    void aRealistDoesNotMakeAThreatItWouldNotCarryOut() {
        Table t = new Table(strike(), "A", Stance.REALIST, 1).start(Phase.NEGOTIATION);
        t.run(20);
        assertTrue(t.moves.stream().noneMatch(m -> m.command().hasStateIntentions()), t.moves.toString());
    }

    @Test
    void aBlusterersThreatIsOneItWouldNotCarryOut() {
        Table t = new Table(strike(), "A", Stance.BLUSTERER, 1).start(Phase.NEGOTIATION);

        List<BotMove> moves = t.run(20);

        ClientMessage threat = boardMoves(moves).get(0);
        assertEquals(map("strike", true), Commands.values(threat.getStateIntentions().getSettingsList()));
        // By its own preference it would rather not strike: the engine now finds its threat dilemma.
        assertTrue(has(t, DilemmaKind.THREAT, "A"), t.analysis().keys().toString());
        assertFalse(has(t, DilemmaKind.PERSUASION, "A"));
        ClientMessage offer = boardMoves(moves).get(1);
        assertEquals(map("strike", true), Commands.values(offer.getMakeOffer().getThreatList()));
        // It keeps the threat dilemma: no move drops the threat.
        assertTrue(moves.stream().noneMatch(m -> m.command().hasStateIntentions()
                && Commands.values(m.command().getStateIntentions().getSettingsList()).equals(map("strike", false))));
    }

    @Test
    void anAppeaserAcceptsThePositionItCannotRefuse() {
        Table t = new Table(chicken(), "A", Stance.APPEASER, 1).start(Phase.NEGOTIATION);
        assertTrue(has(t, DilemmaKind.REJECTION, "A"));

        List<BotMove> moves = t.run(20);

        ClientMessage accept = boardMoves(moves).get(0);
        assertEquals(map("a", true, "b", false), Commands.values(accept.getSetPosition().getSettingsList()), "Ben's position");
        assertFalse(has(t, DilemmaKind.REJECTION, "A"));
        assertTrue(moves.get(1).reason().contains("rejection dilemma towards Ben"), moves.get(1).reason());
    }

    @Test
    void anAppeaserAcceptsAnOfferThatCostsIt() {
        Table t = new Table(council(), "A", Stance.APPEASER, 1).start(Phase.NEGOTIATION);
        t.offer(offer("o1", "B", "A", map("pspo", false), map("walkout", false), Map.of()));
        List<BotMove> moves = t.run(20);
        assertTrue(moves.stream().anyMatch(m -> m.command().hasRespondToOffer()
                && m.command().getRespondToOffer().getResponse() == RespondToOffer.Response.ACCEPT), moves.toString());
    }

    @Test
    void aScepticDoubtsAnUnguaranteedPromiseAndWithdrawsTheDoubtOnceItIsStated() {
        Table t = new Table(strike(), "A", Stance.SCEPTIC, 1).start(Phase.NEGOTIATION);
        t.offer(offer("o1", "B", "A", map("strike", false), map("pay", true), Map.of()));

        List<BotMove> moves = t.run(20);

        ClientMessage doubt = boardMoves(moves).get(0);
        assertEquals("B", doubt.getDeclareDoubt().getAboutCharacterId());
        assertTrue(doubt.getDeclareDoubt().getDoubt());
        assertTrue(t.board().doubts("A").contains("B"));
        assertTrue(moves.stream().noneMatch(m -> m.command().hasRespondToOffer()), "it does not accept yet: " + moves);

        t.change(t.board().withIntentions("B", dev.drama.engine.Future.of(map("pay", true))));
        List<BotMove> after = t.run(20);

        assertFalse(boardMoves(after).get(0).getDeclareDoubt().getDoubt(), after.toString());
        assertTrue(after.stream().anyMatch(m -> m.command().hasRespondToOffer()
                && m.command().getRespondToOffer().getResponse() == RespondToOffer.Response.ACCEPT), after.toString());
    }

    @Test
    void aRealistTakesTheSameUnguaranteedPromiseAtItsWord() {
        Table t = new Table(strike(), "A", Stance.REALIST, 1).start(Phase.NEGOTIATION);
        t.offer(offer("o1", "B", "A", map("strike", false), map("pay", true), Map.of()));
        List<BotMove> moves = t.run(20);
        assertTrue(moves.stream().noneMatch(m -> m.command().hasDeclareDoubt()));
        assertTrue(moves.stream().anyMatch(m -> m.command().hasRespondToOffer()
                && m.command().getRespondToOffer().getResponse() == RespondToOffer.Response.ACCEPT), moves.toString());
    }

    @Test
    void aDefectorBreaksATemptingAgreementAtTheMomentOfTruthWhereARealistKeepsIt() {
        Offer agreed = offer("o1", "B", "A", map("a", true), map("b", true), Map.of()).toBuilder()
                .setStatus(Offer.Status.ACCEPTED).addAcceptedBy("A").build();
        Table defector = new Table(prisoners(), "A", Stance.DEFECTOR, 1);
        defector.offer(agreed);
        defector.start(Phase.MOMENT_OF_TRUTH);
        Table realist = new Table(prisoners(), "A", Stance.REALIST, 1);
        realist.offer(agreed);
        realist.start(Phase.MOMENT_OF_TRUTH);

        BotMove broken = defector.run(5).get(0);
        BotMove kept = realist.run(5).get(0);

        assertEquals(map("a", false), Commands.values(broken.command().getCommit().getSettingsList()));
        assertTrue(broken.reason().contains("Breaks its agreement on Alice co-operates"), broken.reason());
        assertEquals(map("a", true), Commands.values(kept.command().getCommit().getSettingsList()));
    }

    @Test
    void anOppressedCharacterGivesWayUnderThreatWhereARealistDoesNot() {
        List<String> ids = List.of("apologise", "sue");
        Board board = Board.builder()
                .character("A", "Tenant").character("B", "Landlord")
                .option("apologise", "A", "Apologise in writing", false)
                .option("sue", "B", "Sue for damages", false)
                .preference("A", Table.statements(List.of("!apologise", "!sue"), ids))
                .preference("B", Table.statements(List.of("apologise", "!sue"), ids))
                .build();
        Offer threat = offer("o1", "B", "A", map("apologise", true), Map.of(), map("sue", true));
        Table oppressed = new Table(board, "A", Stance.OPPRESSED, 1).start(Phase.NEGOTIATION);
        oppressed.offer(threat);
        Table realist = new Table(board, "A", Stance.REALIST, 1).start(Phase.NEGOTIATION);
        realist.offer(threat);

        List<ClientMessage> gave = boardMoves(oppressed.run(20));
        List<ClientMessage> held = boardMoves(realist.run(20));

        assertEquals(RespondToOffer.Response.ACCEPT, gave.get(0).getRespondToOffer().getResponse());
        assertTrue(held.stream().noneMatch(c -> c.hasRespondToOffer()
                && c.getRespondToOffer().getResponse() == RespondToOffer.Response.ACCEPT), held.toString());

        oppressed.phase(Phase.MOMENT_OF_TRUTH);
        BotMove commit = oppressed.run(5).get(0);
        assertEquals(map("apologise", true), Commands.values(commit.command().getCommit().getSettingsList()));
    }

    @Test
    void theEngineAgreesTheCouncilBoardHasOnlyThePromiseAsAWayOut() {
        var persuasion = DilemmaEngine.analyse(council()).of("A").stream()
                .filter(d -> d.kind() == DilemmaKind.PERSUASION).findFirst().orElseThrow();
        assertTrue(persuasion.waysOut().stream().noneMatch(w -> w.kind() == dev.drama.engine.WayOutKind.THREATEN),
                persuasion.waysOut().toString());
    }
}
