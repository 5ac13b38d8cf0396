package dev.drama.server;

import static dev.drama.server.SessionEndToEndTest.cmd;
import static dev.drama.server.SessionEndToEndTest.set;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drama.proto.*;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On the wire: the one check on a trainer's move for a character (ActAs), commitments that
 * must be yes or no, the reveal that waits in the moment of truth, and the debrief each
 * kind of participant gets, without the private notes of offers.
 */
class TrainerPlaysTest {
    private ServerFixture fixture;
    private WireClient trainer;
    private WireClient manager;
    private WireClient union;
    private WireClient observer;

    @BeforeEach
    void start() throws Exception {
        fixture = new ServerFixture();
        trainer = fixture.trainer();
        String code = trainer.request(cmd().setCreateSession(CreateSession.newBuilder().setPackId("tiny")))
                .getSessionJoined().getJoinCode();
        manager = fixture.trainee(code, "Mo", "manager");
        union = fixture.trainee(code, "Uma", "union");
        observer = fixture.anonymous();
        observer.request(cmd().setWatch(Watch.newBuilder().setJoinCode(code)));
        advanceTo(Phase.NEGOTIATION);
    }

    private void advanceTo(Phase phase) throws Exception {
        assertThat(trainer.request(cmd().setAdvancePhase(AdvancePhase.newBuilder().setTo(phase))).hasAck()).isTrue();
    }

    @AfterEach
    void stop() throws Exception {
        for (WireClient c : List.of(trainer, manager, union, observer)) {
            c.close();
        }
        fixture.close();
    }

    private static ClientMessage.Builder as(String character, ClientMessage.Builder command) {
        return cmd().setActAs(ActAs.newBuilder().setCharacterId(character).setCommand(command));
    }

    @Test
    void onlyTheTrainerActsAndOnlyForACharacterNobodyPlays() throws Exception {
        ClientMessage.Builder say = cmd().setSay(Say.newBuilder().setText("hello"));
        assertThat(manager.request(as("carers", say)).getError().getCode()).isEqualTo(ErrorCode.NOT_ALLOWED);
        ServerMessage played = trainer.request(as("union", say));
        assertThat(played.getError().getCode()).isEqualTo(ErrorCode.CHARACTER_TAKEN);
        assertThat(played.getError().getMessage()).isEqualTo(
                "Ann Price is played by Uma; the trainer can act only for characters nobody plays");
        assertThat(trainer.request(as("nobody", say)).getError().getCode()).isEqualTo(ErrorCode.UNKNOWN_CHARACTER);
        assertThat(trainer.request(as("carers", cmd().setAdvancePhase(AdvancePhase.getDefaultInstance())))
                .getError().getCode()).isEqualTo(ErrorCode.NOT_ALLOWED);
        assertThat(trainer.request(as("carers", as("carers", say))).getError().getCode()).isEqualTo(ErrorCode.NOT_ALLOWED);
        // the move itself is checked as the character's: the carers own no 'late'
        assertThat(trainer.request(as("carers", cmd().setStateIntentions(StateIntentions.newBuilder()
                .addSettings(set("late", true))))).getError().getCode()).isEqualTo(ErrorCode.NOT_YOUR_OPTION);
        assertThat(trainer.request(as("carers", say)).hasAck()).isTrue();
        ServerMessage talk = observer.awaitMessage(ServerMessage::hasTalk);
        // the facilitator guide and the inject list are the trainer's
        assertThat(trainer.request(cmd().setGetGuide(GetGuide.getDefaultInstance())).getGuide().getText())
                .contains("## Opening dilemmas");
        assertThat(manager.request(cmd().setGetGuide(GetGuide.getDefaultInstance())).getError().getCode())
                .isEqualTo(ErrorCode.NOT_ALLOWED);
        assertThat(observer.request(cmd().setListInjects(ListInjects.getDefaultInstance())).getError().getCode())
                .isEqualTo(ErrorCode.NOT_ALLOWED);
        assertThat(talk.getTalk().getFromCharacterId()).isEqualTo("carers");
        assertThat(talk.getTalk().getFromName()).isEqualTo("Tom Bell");
    }

    @Test
    void aCommitmentIsYesOrNoOnTheCharactersOwnOptionsAndIsAnnouncedOnce() throws Exception {
        advanceTo(Phase.MOMENT_OF_TRUTH);
        OptionSetting open = OptionSetting.newBuilder().setOptionId("late").setChoice(Choice.OPEN).build();
        OptionSetting unspecified = OptionSetting.newBuilder().setOptionId("late").build();
        OptionSetting unknownValue = OptionSetting.newBuilder().setOptionId("late").setChoiceValue(9).build();
        for (OptionSetting bad : List.of(open, unspecified, unknownValue)) {
            ServerMessage refused = manager.request(cmd().setCommit(Commit.newBuilder().addSettings(bad)));
            assertThat(refused.getError().getCode()).as(bad.toString()).isEqualTo(ErrorCode.MALFORMED_COMMAND);
        }
        assertThat(manager.request(cmd().setCommit(Commit.newBuilder().addSettings(set("refuse", true))))
                .getError().getCode()).isEqualTo(ErrorCode.NOT_YOUR_OPTION);
        assertThat(manager.request(cmd().setCommit(Commit.newBuilder().addSettings(set("late", true)))).hasAck()).isTrue();
        union.awaitMessage(ServerMessage::hasCommitment);
        trainer.awaitMessage(ServerMessage::hasCommitment);
        observer.awaitMessage(ServerMessage::hasCommitment);
        assertThat(trainer.request(cmd().setGetBoard(GetBoard.getDefaultInstance())).hasBoard()).isTrue();
        for (WireClient c : List.of(manager, union, trainer, observer)) {
            assertThat(c.received().stream().filter(ServerMessage::hasCommitment).count()).isEqualTo(1);
        }
        assertThat(manager.awaitMessage(ServerMessage::hasCommitment).getCommitment().getChoicesCount()).isEqualTo(1);
        assertThat(trainer.awaitMessage(ServerMessage::hasCommitment).getCommitment().getChoicesCount()).isEqualTo(1);
        assertThat(union.awaitMessage(ServerMessage::hasCommitment).getCommitment().getChoicesCount()).isZero();
    }

    @Test
    void theRevealWaitsForTheTrainerAndTheDebriefKeepsOfferNotesFromTraineesAndObservers() throws Exception {
        String note = "our budget line 4 is empty";
        assertThat(manager.request(cmd().setMakeOffer(MakeOffer.newBuilder().addToCharacterIds("union")
                .addAsk(set("refuse", false)).addPromise(set("overtime", true)).setNote(note))).hasAck()).isTrue();
        assertThat(union.request(cmd().setRespondToOffer(RespondToOffer.newBuilder().setOfferId("o1")
                .setResponse(RespondToOffer.Response.ACCEPT))).hasAck()).isTrue();
        advanceTo(Phase.MOMENT_OF_TRUTH);
        manager.request(cmd().setCommit(Commit.newBuilder().addSettings(set("late", true)).addSettings(set("overtime", true))));
        union.request(cmd().setCommit(Commit.newBuilder().addSettings(set("refuse", false))));

        ServerMessage outcome = observer.awaitMessage(ServerMessage::hasOutcome);
        assertThat(outcome.getOutcome().getComparedFutures()).isPositive();
        // the session waits in the reveal: commitments are final, and no debrief until the trainer says
        ServerMessage late = trainer.request(as("carers", cmd().setCommit(Commit.newBuilder().addSettings(set("protest", true)))));
        assertThat(late.getError().getCode()).isEqualTo(ErrorCode.OUTCOME_REVEALED);
        assertThat(observer.request(cmd().setGetBoard(GetBoard.getDefaultInstance())).hasBoard()).isTrue();
        assertThat(observer.received()).noneMatch(m -> m.hasDebriefSummary() || m.hasDebrief()
                || (m.hasSessionState() && m.getSessionState().getPhase() == Phase.DEBRIEF));

        advanceTo(Phase.DEBRIEF);
        ServerMessage summary = observer.awaitMessage(ServerMessage::hasDebriefSummary);
        assertThat(summary.getDebriefSummary().getDilemmasArose() + summary.getDebriefSummary().getDilemmasResolved()).isPositive();
        assertThat(summary.getDebriefSummary().getOutcome().getOutcomeList()).contains(set("late", true));
        // the outcome is revealed once, not again on entering the debrief
        assertThat(union.received().stream().filter(ServerMessage::hasOutcome).count()).isEqualTo(1);

        // on the wire: the note reached the offer's parties and the trainer during play, and only the trainer's debrief
        for (ExportDebrief.Format format : List.of(ExportDebrief.Format.MARKDOWN, ExportDebrief.Format.JSON)) {
            ExportDebrief.Builder export = ExportDebrief.newBuilder().setFormat(format);
            assertThat(trainer.request(cmd().setExportDebrief(export)).getDebrief().getContent()).contains(note);
            for (WireClient c : List.of(manager, union, observer)) {
                String content = c.request(cmd().setExportDebrief(export)).getDebrief().getContent();
                assertThat(content).contains("o1").doesNotContain(note);
            }
        }
        assertThat(observer.received()).noneMatch(m -> m.toString().contains(note));
    }

    @Test
    void theDebriefNamesPeopleInEveryLineNestsBriefingsAndGivesStructuredEntries() throws Exception {
        String code = codeOf(trainer);
        WireClient bob = fixture.anonymous();
        String bobId = bob.request(cmd().setJoin(Join.newBuilder().setJoinCode(code).setDisplayName("Bob")))
                .getSessionJoined().getParticipantId();
        assertThat(trainer.request(cmd().setAssignCharacter(AssignCharacter.newBuilder().setParticipantId(bobId)
                .setCharacterId("carers"))).hasAck()).isTrue();
        assertThat(trainer.request(cmd().setAssignCharacter(AssignCharacter.newBuilder().setParticipantId(bobId)))
                .hasAck()).isTrue();
        assertThat(trainer.request(cmd().setAssignCharacter(AssignCharacter.newBuilder().setParticipantId(bobId)
                .setCharacterId("carers"))).hasAck()).isTrue();
        assertThat(trainer.request(cmd().setRemoveParticipant(RemoveParticipant.newBuilder().setParticipantId(bobId)))
                .hasAck()).isTrue();
        assertThat(trainer.request(cmd().setExtendClock(ExtendClock.newBuilder().setSeconds(300))).hasAck()).isTrue();
        assertThat(trainer.request(cmd().setPauseClock(PauseClock.newBuilder().setPaused(true))).hasAck()).isTrue();
        assertThat(trainer.request(cmd().setPauseClock(PauseClock.newBuilder().setPaused(false))).hasAck()).isTrue();
        assertThat(manager.request(cmd().setSetPosition(SetPosition.newBuilder().addSettings(set("late", true))))
                .hasAck()).isTrue();
        bob.close();

        String md = trainer.request(cmd().setExportDebrief(ExportDebrief.newBuilder()
                .setFormat(ExportDebrief.Format.MARKDOWN))).getDebrief().getContent();
        assertThat(md).contains(" Bob plays Tom Bell\n", " Bob no longer plays Tom Bell\n",
                " Bob was removed (played Tom Bell)\n", " clock extended by 5 min\n", " clock paused\n",
                " clock resumed\n", " Priya Nair (Mo) proposes: Open the centre until 8pm on weekdays: yes\n");
        // the briefings' own headings sit below the debrief's "### Priya Nair"
        assertThat(md).contains("### Priya Nair\n\n#### Priya Nair, Centre Manager\n").doesNotContain("\n# Priya Nair");

        String json = trainer.request(cmd().setExportDebrief(ExportDebrief.newBuilder()
                .setFormat(ExportDebrief.Format.JSON))).getDebrief().getContent();
        var timeline = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).get("timeline");
        com.fasterxml.jackson.databind.JsonNode position = null;
        for (var entry : timeline) {
            assertThat(entry.has("at") && entry.has("kind") && entry.has("actor") && entry.has("characters")
                    && entry.has("options") && entry.has("text")).as(entry.toString()).isTrue();
            if (entry.get("kind").asText().equals("position_set")) {
                position = entry;
            }
        }
        assertThat(position).isNotNull();
        assertThat(position.get("actor").asText()).isEqualTo("Mo");
        assertThat(position.get("characters").toString()).isEqualTo("[\"manager\"]");
        assertThat(position.get("options").toString()).isEqualTo("[\"late\"]");
    }

    private static String codeOf(WireClient trainer) {
        return trainer.received().stream().filter(ServerMessage::hasSessionJoined).findFirst().orElseThrow()
                .getSessionJoined().getJoinCode();
    }
}
