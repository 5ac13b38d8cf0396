package dev.drama.bots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drama.proto.ClientMessage;
import dev.drama.proto.Error;
import dev.drama.proto.ErrorCode;
import dev.drama.proto.Notice;
import dev.drama.proto.Phase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A bot never floods, learns from refusals, and the same seed replays the same session. */
class PacingTest {

    private static List<BotMove> session(Stance stance, long seed) {
        Table t = new Table(StancesTest.council(), "A", stance, seed).start(Phase.NEGOTIATION);
        t.offer(StancesTest.offer("o1", "B", "A", Table.map("pspo", false), Table.map("walkout", false), Table.map("walkout", true)));
        List<BotMove> moves = new ArrayList<>(t.run(50));
        t.phase(Phase.MOMENT_OF_TRUTH);
        moves.addAll(t.run(50));
        return moves;
    }

    @Test
    void theSameSeedPlaysTheSameMovesWithTheSameWords() {
        for (Stance stance : Stance.values()) {
            assertEquals(session(stance, 42), session(stance, 42), stance.word());
        }
    }

    @Test
    void seedsVaryWhatItSays() {
        Set<String> openings = new HashSet<>();
        IntStream.range(0, 20).forEach(seed -> openings.add(session(Stance.REALIST, seed).get(0).command().getSay().getText()));
        assertTrue(openings.size() > 1, openings.toString());
    }

    @Test
    void nothingMoreUntilItsMoveIsAnsweredOrSomethingChanges() {
        Table t = new Table(StancesTest.council(), "A", Stance.REALIST, 1).start(Phase.NEGOTIATION);
        assertTrue(t.bot.nextMove().isPresent());
        for (int i = 0; i < 10; i++) {
            assertEquals(Optional.empty(), t.bot.nextMove(), "no answer yet");
        }
        t.bot.observe(Table.message(b -> b.setNotice(Notice.newBuilder().setText("one minute left"))));
        assertEquals(Optional.empty(), t.bot.nextMove(), "a notice is no reason to move");
    }

    @Test
    void aSessionPlayedOutComesToRestWithinItsBounds() {
        for (Stance stance : Stance.values()) {
            Table t = new Table(StancesTest.chicken(), "A", stance, 3).start(Phase.NEGOTIATION);
            t.offer(StancesTest.offer("o1", "B", "A", Table.map("a", true), Table.map("b", false), Table.map()));
            List<BotMove> moves = t.run(200);
            assertTrue(moves.size() < 30, stance.word() + " " + moves.size());
            assertEquals(Optional.empty(), t.step(), stance.word() + " rests");
            long lines = moves.stream().filter(m -> Commands.isTalk(m.command())).count();
            assertTrue(lines <= StanceBot.LINES_PER_PHASE, stance.word() + " said " + lines);
            assertTrue(moves.stream().allMatch(m -> m.reason().endsWith(".") && !m.reason().isBlank()), moves.toString());
        }
    }

    @Test
    void privateWordsAreAnsweredOncePerSpeakerWithWhatItNeedsFromThem() {
        Table t = new Table(StancesTest.council(), "A", Stance.REALIST, 1).start(Phase.NEGOTIATION);
        t.run(50);
        for (int i = 0; i < 3; i++) {
            t.bot.observe(Table.message(b -> b.setTalk(dev.drama.proto.Talk.newBuilder().setFromCharacterId("B")
                    .addToCharacterIds("A").setPrivate(true).setText("Can we talk?"))));
        }
        List<BotMove> replies = t.run(50);
        assertEquals(1, replies.size(), replies.toString());
        assertEquals("What we need from you is Residents walk out: no.", replies.get(0).command().getTell().getText());
        assertEquals(List.of("B"), replies.get(0).command().getTell().getToCharacterIdsList());
    }

    @Test
    void aRefusedCommandIsNeverSentAgainAndRefusalsAfterRefusalsSilenceIt() {
        Table t = new Table(StancesTest.council(), "A", Stance.REALIST, 1).start(Phase.NEGOTIATION);
        t.offer(StancesTest.offer("o1", "B", "A", Table.map("pspo", false), Table.map("walkout", false), Table.map()));
        List<ClientMessage> sent = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Optional<BotMove> m = t.bot.nextMove();
            m.ifPresent(move -> sent.add(move.command()));
            t.bot.observe(Table.message(b -> b.setRequestId(1).setError(Error.newBuilder()
                    .setCode(ErrorCode.NOT_ALLOWED).setMessage("no"))));
            // Whatever else happens in the session, a refused command stays refused.
            t.change(t.board());
        }
        assertEquals(sent.size(), new HashSet<>(sent).size(), "nothing sent twice: " + sent);
        assertFalse(sent.isEmpty());
        assertEquals(Optional.empty(), t.bot.nextMove());
    }

    @Test
    void aCommandRefusedForThePauseIsTriedOnceMoreAfterTheResume() {
        Table t = new Table(StancesTest.council(), "A", Stance.REALIST, 1).start(Phase.NEGOTIATION);
        ClientMessage first = t.bot.nextMove().orElseThrow().command();
        t.bot.observe(Table.message(b -> b.setRequestId(1).setError(Error.newBuilder().setCode(ErrorCode.SESSION_PAUSED))));
        t.bot.observe(Table.message(b -> b.setSessionState(dev.drama.proto.SessionState.newBuilder()
                .setPhase(Phase.NEGOTIATION).setPaused(true))));
        assertEquals(Optional.empty(), t.bot.nextMove(), "paused");
        t.bot.observe(Table.message(b -> b.setSessionState(dev.drama.proto.SessionState.newBuilder().setPhase(Phase.NEGOTIATION))));
        assertEquals(first, t.bot.nextMove().orElseThrow().command());
    }
}
