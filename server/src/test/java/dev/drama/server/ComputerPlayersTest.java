package dev.drama.server;

import static dev.drama.server.ScriptedBot.move;
import static dev.drama.server.SessionEndToEndTest.cmd;
import static dev.drama.server.SessionEndToEndTest.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drama.proto.*;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * On the wire: a trainer hands characters to the computer (/bot) and takes them back; the
 * computer's seat hears only what its character may, moves under every rule a player's moves
 * meet, at the configured pace, one move at a time; and a restarted server seats it again.
 * The policy is a scripted one, so that these tests do not depend on how the stances play.
 */
class ComputerPlayersTest {
    private ServerFixture fixture;
    private final ScriptedBot.Maker bots = new ScriptedBot.Maker();
    private WireClient trainer;
    private WireClient manager;
    private WireClient union;
    private String code;

    private void start(Path data, Duration think) throws Exception {
        fixture = new ServerFixture(data, b -> b.botMaker(bots).botThink(think));
        trainer = fixture.trainer();
        code = trainer.request(cmd().setCreateSession(CreateSession.newBuilder().setPackId("tiny")))
                .getSessionJoined().getJoinCode();
        manager = fixture.trainee(code, "Mo", "manager");
        union = fixture.trainee(code, "Uma", "union");
    }

    @AfterEach
    void stop() throws Exception {
        for (WireClient c : new WireClient[] {trainer, manager, union}) {
            if (c != null) {
                c.close();
            }
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    private static ClientMessage.Builder bot(String character, String stance) {
        return cmd().setSetBot(SetBot.newBuilder().setCharacterId(character).setStance(stance));
    }

    private static ClientMessage.Builder botOff(String character) {
        return cmd().setSetBot(SetBot.newBuilder().setCharacterId(character).setOff(true));
    }

    private ServerMessage advanceTo(Phase phase) throws Exception {
        return trainer.request(cmd().setAdvancePhase(AdvancePhase.newBuilder().setTo(phase)));
    }

    private static String playedBy(BoardView board, String character) {
        return board.getCharactersList().stream().filter(c -> c.getId().equals(character)).findFirst().orElseThrow()
                .getPlayedBy();
    }

    @Test
    void onlyTheTrainerHandsACharacterToTheComputerAndNeverOneAPersonPlays() throws Exception {
        start(Files.createTempDirectory("drama-bots"), Duration.ZERO);
        assertThat(manager.request(bot("carers", "realist")).getError().getCode()).isEqualTo(ErrorCode.NOT_ALLOWED);
        assertThat(trainer.request(bot("nobody", "realist")).getError().getCode()).isEqualTo(ErrorCode.UNKNOWN_CHARACTER);
        ServerMessage stance = trainer.request(bot("carers", "realistic"));
        assertThat(stance.getError().getCode()).isEqualTo(ErrorCode.UNKNOWN_STANCE);
        assertThat(stance.getError().getMessage()).isEqualTo(
                "there is no stance 'realistic'; stances: realist, blusterer, appeaser, sceptic, defector, oppressed");
        assertThat(trainer.request(bot("carers", "")).getError().getCode()).isEqualTo(ErrorCode.UNKNOWN_STANCE);
        ServerMessage taken = trainer.request(bot("union", "realist"));
        assertThat(taken.getError().getCode()).isEqualTo(ErrorCode.CHARACTER_TAKEN);
        assertThat(taken.getError().getMessage()).startsWith("Ann Price is played by Uma");
        assertThat(trainer.request(botOff("carers")).getError().getCode()).isEqualTo(ErrorCode.NOT_COMPUTER_PLAYED);

        assertThat(trainer.request(bot("carers", "Blusterer")).hasAck()).isTrue();
        ServerMessage on = manager.awaitMessage(m -> m.hasParticipant()
                && m.getParticipant().getChange() == ParticipantEvent.Change.COMPUTER_ON);
        assertThat(on.getParticipant().getParticipant().getComputerStance()).isEqualTo("blusterer");
        assertThat(on.getParticipant().getParticipant().getCharacterId()).isEqualTo("carers");
        assertThat(playedBy(manager.request(cmd().setGetBoard(GetBoard.getDefaultInstance())).getBoard(), "carers"))
                .isEqualTo("computer (blusterer)");
        // the trainer cannot play it too, and a new stance is a new player
        assertThat(trainer.request(cmd().setActAs(ActAs.newBuilder().setCharacterId("carers")
                .setCommand(cmd().setSay(Say.newBuilder().setText("hi"))))).getError().getCode())
                .isEqualTo(ErrorCode.CHARACTER_TAKEN);
        assertThat(trainer.request(bot("carers", "sceptic")).hasAck()).isTrue();
        assertThat(playedBy(manager.request(cmd().setGetBoard(GetBoard.getDefaultInstance())).getBoard(), "carers"))
                .isEqualTo("computer (sceptic)");
        assertThat(bots.made).hasSize(2);
        assertThat(trainer.request(botOff("carers")).hasAck()).isTrue();
        assertThat(playedBy(manager.request(cmd().setGetBoard(GetBoard.getDefaultInstance())).getBoard(), "carers"))
                .isEmpty();
        // the tiny pack names no default stances
        assertThat(trainer.request(cmd().setSetBot(SetBot.newBuilder().setDefaults(true))).getError().getCode())
                .isEqualTo(ErrorCode.NOT_ALLOWED);
    }

    @Test
    void theComputerMovesUnderThePlayersRulesAndHearsOnlyItsCharactersNews() throws Exception {
        start(Files.createTempDirectory("drama-bots"), Duration.ZERO);
        bots.script("carers",
                move(cmd().setSay(Say.newBuilder().setText("The forum is watching.")), "opens in public"),
                move(cmd().setStateIntentions(StateIntentions.newBuilder().addSettings(set("late", true))),
                        "tries an option it does not own"),
                move(cmd().setMakeOffer(MakeOffer.newBuilder().addToCharacterIds("manager").addAsk(set("late", true))
                        .addThreat(set("protest", true))), "makes the threat that resolves its persuasion dilemma"));
        advanceTo(Phase.NEGOTIATION);
        manager.request(cmd().setTell(Tell.newBuilder().addToCharacterIds("union").setText("just between us")));
        assertThat(trainer.request(bot("carers", "realist")).hasAck()).isTrue();
        manager.request(cmd().setTell(Tell.newBuilder().addToCharacterIds("union").setText("still between us")));
        ServerMessage offer = manager.awaitMessage(m -> m.hasOffer() && m.getOffer().getOffer().getFromCharacterId().equals("carers"));
        assertThat(offer.getOffer().getOffer().getThreatList()).containsExactly(set("protest", true));
        assertThat(manager.saw(m -> m.hasTalk() && m.getTalk().getText().equals("The forum is watching."))).isTrue();
        ScriptedBot carers = bots.last("carers");
        await().until(() -> carers.heard(m -> m.hasOffer()));
        // the refused move was refused as a player's would be, and the bot was told
        assertThat(carers.heard(m -> m.hasError() && m.getError().getCode() == ErrorCode.NOT_YOUR_OPTION)).isTrue();
        assertThat(carers.heard(m -> m.hasBriefing() && m.getBriefing().getCharacterId().equals("carers"))).isTrue();
        assertThat(carers.heard(m -> m.hasBriefing() && !m.getBriefing().getCharacterId().equals("carers"))).isFalse();
        assertThat(carers.heard(m -> m.hasDilemma() && !m.getDilemma().getDilemma().getHolderId().equals("carers"))).isFalse();
        assertThat(carers.heard(m -> m.hasTalk() && m.getTalk().getPrivate())).isFalse();
        assertThat(carers.askedWhileWaiting).isFalse();
        // the trainer hears why; the players never do
        assertThat(trainer.awaitMessage(m -> m.hasNotice() && m.getNotice().getText()
                .equals("Tom Bell (computer (realist)): makes the threat that resolves its persuasion dilemma"))
                .getNotice().getTrainersOnly()).isTrue();
        assertThat(manager.saw(m -> m.hasNotice() && m.getNotice().getText().contains("persuasion dilemma"))).isFalse();

        advanceTo(Phase.DEBRIEF);
        String trainers = trainer.request(cmd().setExportDebrief(ExportDebrief.newBuilder()
                .setFormat(ExportDebrief.Format.MARKDOWN))).getDebrief().getContent();
        assertThat(trainers).contains("**Tom Bell** (`carers`): computer-played, as a realist")
                .contains("## Computer-played characters")
                .contains("Tom Bell (computer (realist)) offers Priya Nair (o1)")
                .contains("  - why: makes the threat that resolves its persuasion dilemma")
                .contains("Tom Bell is played by the computer, as a realist");
        String players = manager.request(cmd().setExportDebrief(ExportDebrief.newBuilder()
                .setFormat(ExportDebrief.Format.JSON))).getDebrief().getContent();
        assertThat(players).contains("\"computer\" : \"realist\"").doesNotContain("why").doesNotContain("persuasion dilemma\"");
        assertThat(players).doesNotContain("\"reason\"");
    }

    @Test
    void aPersonTakesTheCharacterBackMidSession() throws Exception {
        start(Files.createTempDirectory("drama-bots"), Duration.ofSeconds(1));
        WireClient late = fixture.trainee(code, "Lee", "");
        try {
            assertThat(trainer.request(bot("carers", "appeaser")).hasAck()).isTrue();
            ServerMessage taken = late.request(cmd().setChooseCharacter(ChooseCharacter.newBuilder().setCharacterId("carers")));
            assertThat(taken.hasAck()).isTrue();
            assertThat(playedBy(late.request(cmd().setGetBoard(GetBoard.getDefaultInstance())).getBoard(), "carers"))
                    .isEqualTo("Lee");
            assertThat(late.saw(m -> m.hasParticipant() && m.getParticipant().getChange() == ParticipantEvent.Change.COMPUTER_OFF))
                    .isTrue();
            // in the negotiation, the trainer hands it to the computer and assigns it back to a person
            advanceTo(Phase.NEGOTIATION);
            trainer.request(cmd().setAssignCharacter(AssignCharacter.newBuilder().setParticipantId(participantId(late, "Lee"))));
            bots.script("carers", move(cmd().setSay(Say.newBuilder().setText("one")), "a"),
                    move(cmd().setSay(Say.newBuilder().setText("two")), "b"),
                    move(cmd().setSay(Say.newBuilder().setText("three")), "c"));
            assertThat(trainer.request(bot("carers", "appeaser")).hasAck()).isTrue();
            await().until(() -> manager.saw(m -> m.hasTalk() && m.getTalk().getText().equals("one")));
            assertThat(trainer.request(cmd().setAssignCharacter(AssignCharacter.newBuilder()
                    .setParticipantId(participantId(late, "Lee")).setCharacterId("carers"))).hasAck()).isTrue();
            assertThat(late.request(cmd().setSay(Say.newBuilder().setText("Lee here"))).hasAck()).isTrue();
            ServerMessage leeTalks = manager.awaitMessage(m -> m.hasTalk() && m.getTalk().getText().equals("Lee here"));
            assertThat(leeTalks.getTalk().getFromCharacterId()).isEqualTo("carers");
            // the computer's seat is gone: nothing more comes from it
            Thread.sleep(1000);
            assertThat(manager.saw(m -> m.hasTalk() && m.getTalk().getText().equals("three"))).isFalse();
        } finally {
            late.close();
        }
    }

    private String participantId(WireClient anyone, String name) throws Exception {
        return trainer.request(cmd().setGetBoard(GetBoard.getDefaultInstance())) != null
                ? trainer.received().stream().filter(ServerMessage::hasParticipant)
                        .map(m -> m.getParticipant().getParticipant())
                        .filter(p -> p.getDisplayName().equals(name)).findFirst().orElseThrow().getParticipantId()
                : "";
    }

    @Test
    void theComputerThinksBeforeEachMoveAndHasOneMoveInFlight() throws Exception {
        start(Files.createTempDirectory("drama-bots"), Duration.ofMillis(400));
        bots.script("carers", move(cmd().setSay(Say.newBuilder().setText("1")), "a"),
                move(cmd().setSay(Say.newBuilder().setText("2")), "b"),
                move(cmd().setSay(Say.newBuilder().setText("3")), "c"),
                move(cmd().setSay(Say.newBuilder().setText("4")), "d"));
        long before = System.nanoTime();
        assertThat(trainer.request(bot("carers", "realist")).hasAck()).isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> manager.saw(m -> m.hasTalk() && m.getTalk().getText().equals("4")));
        ScriptedBot carers = bots.last("carers");
        List<Long> at = carers.movedAt;
        // each pause is at least half the think time: after seating, and between moves
        assertThat(at.get(0) - before).isGreaterThanOrEqualTo(Duration.ofMillis(200).toNanos());
        for (int i = 1; i < at.size(); i++) {
            assertThat(at.get(i) - at.get(i - 1)).isGreaterThanOrEqualTo(Duration.ofMillis(200).toNanos());
        }
        assertThat(carers.askedWhileWaiting).isFalse();
    }

    @Test
    void aRestartedServerSeatsTheComputerAgainAndItCatchesUp() throws Exception {
        Path data = Files.createTempDirectory("drama-bots");
        start(data, Duration.ZERO);
        assertThat(trainer.request(bot("carers", "defector")).hasAck()).isTrue();
        advanceTo(Phase.NEGOTIATION);
        manager.request(cmd().setSay(Say.newBuilder().setText("before the restart")));
        stop();
        bots.made.clear();
        bots.script("carers", move(cmd().setSay(Say.newBuilder().setText("back again")), "comes back"));
        fixture = new ServerFixture(data, b -> b.botMaker(bots).botThink(Duration.ZERO));
        trainer = fixture.trainer();
        assertThat(trainer.request(cmd().setAttachTrainer(AttachTrainer.newBuilder().setJoinCode(code))).hasSessionJoined()).isTrue();
        await().until(() -> trainer.saw(m -> m.hasTalk() && m.getTalk().getText().equals("back again")));
        ScriptedBot carers = bots.last("carers");
        assertThat(carers.stance()).isEqualTo(dev.drama.bots.Stance.DEFECTOR);
        assertThat(carers.heard(m -> m.hasBriefing() && m.getBriefing().getCharacterId().equals("carers"))).isTrue();
        assertThat(carers.heard(m -> m.hasTalk() && m.getTalk().getText().equals("before the restart"))).isTrue();
        assertThat(playedBy(trainer.request(cmd().setGetBoard(GetBoard.getDefaultInstance())).getBoard(), "carers"))
                .isEqualTo("computer (defector)");
        manager = null;
        union = null;
    }
}
