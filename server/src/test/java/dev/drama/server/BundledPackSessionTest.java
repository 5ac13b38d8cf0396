package dev.drama.server;

import static dev.drama.server.SessionEndToEndTest.cmd;
import static dev.drama.server.SessionEndToEndTest.set;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drama.proto.*;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bundled pack, played end to end through the real server: every playable character
 * taken, moves on every character's own options, an offer accepted, every inject sent
 * (reframing the board mid-negotiation), secret commitments, the reveal and the debrief.
 */
class BundledPackSessionTest {
    private static final java.nio.file.Path BUNDLED = java.nio.file.Path.of("../scenarios/packs");
    private static ServerFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = new ServerFixture();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    /** The bundled packs, as they are in the source tree (the server loads the same from its jar). */
    static List<String> bundledPacks() throws Exception {
        try (var dirs = java.nio.file.Files.list(BUNDLED)) {
            return dirs.filter(java.nio.file.Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("bundledPacks")
    void aWholeSessionOnThePack(String packId) throws Exception {
        List<WireClient> clients = new ArrayList<>();
        try (WireClient trainer = fixture.trainer()) {
            String code = trainer.request(cmd().setCreateSession(CreateSession.newBuilder().setPackId(packId)))
                    .getSessionJoined().getJoinCode();
            BoardView opening = trainer.request(cmd().setGetBoard(GetBoard.getDefaultInstance())).getBoard();
            Map<String, WireClient> players = new LinkedHashMap<>();
            for (CharacterView c : opening.getCharactersList()) {
                WireClient p = fixture.anonymous();
                clients.add(p);
                ServerMessage joined = p.request(cmd().setJoin(Join.newBuilder().setJoinCode(code)
                        .setDisplayName("Player " + c.getId()).setCharacterId(c.getId())));
                if (joined.hasSessionJoined()) {
                    players.put(c.getId(), p);
                }
            }
            assertThat(players).hasSizeGreaterThanOrEqualTo(3);
            trainer.request(cmd().setAdvancePhase(AdvancePhase.newBuilder().setTo(Phase.NEGOTIATION)));
            for (Map.Entry<String, WireClient> e : players.entrySet()) {
                e.getValue().awaitMessage(m -> m.hasBriefing() && m.getBriefing().getCharacterId().equals(e.getKey())
                        && m.getBriefing().getText().length() > 500);
            }

            // Every player states it will keep its options as they are, and proposes the opposite of one.
            for (Map.Entry<String, WireClient> e : players.entrySet()) {
                List<OptionView> own = opening.getOptionsList().stream().filter(o -> o.getOwnerId().equals(e.getKey())).toList();
                assertThat(e.getValue().request(cmd().setStateIntentions(StateIntentions.newBuilder()
                        .addSettings(set(own.get(0).getId(), own.get(0).getStatusQuo())))).hasAck()).isTrue();
                assertThat(e.getValue().request(cmd().setSetPosition(SetPosition.newBuilder()
                        .addSettings(set(own.get(0).getId(), !own.get(0).getStatusQuo())))).hasAck()).isTrue();
            }
            // The first player offers the second a deal on their own options; the second accepts.
            List<String> ids = new ArrayList<>(players.keySet());
            OptionView mine = ownedBy(opening, ids.get(0));
            OptionView theirs = ownedBy(opening, ids.get(1));
            assertThat(players.get(ids.get(0)).request(cmd().setMakeOffer(MakeOffer.newBuilder().addToCharacterIds(ids.get(1))
                    .addAsk(set(theirs.getId(), !theirs.getStatusQuo())).addPromise(set(mine.getId(), !mine.getStatusQuo())))).hasAck())
                    .isTrue();
            assertThat(players.get(ids.get(1)).request(cmd().setRespondToOffer(RespondToOffer.newBuilder().setOfferId("o1")
                    .setResponse(RespondToOffer.Response.ACCEPT))).hasAck()).isTrue();

            // Every inject of the pack reframes the board without breaking the session.
            int injects = 0;
            for (String injectId : injectIds(packId)) {
                assertThat(trainer.request(cmd().setSendInject(SendInject.newBuilder().setInjectId(injectId))).hasAck())
                        .as("inject %s", injectId).isTrue();
                injects++;
            }
            assertThat(injects).isGreaterThanOrEqualTo(2);

            trainer.request(cmd().setAdvancePhase(AdvancePhase.newBuilder().setTo(Phase.MOMENT_OF_TRUTH)));
            BoardView last = trainer.request(cmd().setGetBoard(GetBoard.getDefaultInstance())).getBoard();
            for (Map.Entry<String, WireClient> e : players.entrySet()) {
                Commit.Builder commit = Commit.newBuilder();
                last.getOptionsList().stream().filter(o -> o.getOwnerId().equals(e.getKey()))
                        .forEach(o -> commit.addSettings(set(o.getId(), o.getStatusQuo())));
                assertThat(e.getValue().request(cmd().setCommit(commit)).hasAck()).isTrue();
            }
            ServerMessage outcome = trainer.awaitMessage(ServerMessage::hasOutcome);
            assertThat(outcome.getOutcome().getCharactersCount()).isEqualTo(last.getCharactersCount());
            // the reveal waits for the trainer to open the debrief, which every console gets in summary
            trainer.request(cmd().setAdvancePhase(AdvancePhase.newBuilder().setTo(Phase.DEBRIEF)));
            trainer.awaitMessage(ServerMessage::hasDebriefSummary);
            String debrief = trainer.request(cmd().setExportDebrief(ExportDebrief.newBuilder()
                    .setFormat(ExportDebrief.Format.MARKDOWN))).getDebrief().getContent();
            for (CharacterView c : opening.getCharactersList()) {
                assertThat(debrief).contains(c.getName());
            }
            assertThat(debrief).contains("accepted offer o1", "dilemma", "inject:");
        } finally {
            for (WireClient c : clients) {
                c.close();
            }
        }
    }

    private static OptionView ownedBy(BoardView board, String characterId) {
        return board.getOptionsList().stream().filter(o -> o.getOwnerId().equals(characterId)).findFirst().orElseThrow();
    }

    private static List<String> injectIds(String packId) {
        return dev.drama.scenarios.load.PackLoader.load(BUNDLED.resolve(packId)).pack()
                .orElseThrow().injects().stream().map(dev.drama.scenarios.model.Inject::id).toList();
    }
}
