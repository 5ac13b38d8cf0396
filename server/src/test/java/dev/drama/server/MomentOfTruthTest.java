package dev.drama.server;

import static dev.drama.server.SessionEndToEndTest.cmd;
import static dev.drama.server.SessionEndToEndTest.set;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drama.proto.*;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Phases, secret commitments, the reveal, and the debrief, through the real server. */
class MomentOfTruthTest {
    private ServerFixture fixture;
    private WireClient trainer;
    private WireClient manager;
    private WireClient carers;
    private WireClient union;
    private WireClient observer;

    @BeforeEach
    void start() throws Exception {
        fixture = new ServerFixture();
        trainer = fixture.trainer();
        String code = trainer.request(cmd().setCreateSession(CreateSession.newBuilder().setPackId("tiny")))
                .getSessionJoined().getJoinCode();
        manager = fixture.trainee(code, "Mo", "manager");
        carers = fixture.trainee(code, "Cat", "carers");
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
        for (WireClient c : List.of(trainer, manager, carers, union, observer)) {
            c.close();
        }
        fixture.close();
    }

    @Test
    void commitmentsStaySecretUntilEveryoneHasCommittedThenTheOutcomeIsRevealed() throws Exception {
        carers.request(cmd().setMakeOffer(MakeOffer.newBuilder().addToCharacterIds("manager")
                .addAsk(set("late", true)).addPromise(set("protest", false)).addThreat(set("protest", true))));
        advanceTo(Phase.MOMENT_OF_TRUTH);
        // The pending offer expired with the negotiation.
        carers.awaitMessage(m -> m.hasOffer() && m.getOffer().getOffer().getStatus() == Offer.Status.EXPIRED);

        assertThat(manager.request(cmd().setCommit(Commit.newBuilder().addSettings(set("late", false))
                .addSettings(set("overtime", false)))).hasAck()).isTrue();
        assertThat(carers.request(cmd().setCommit(Commit.newBuilder().addSettings(set("protest", true)))).hasAck()).isTrue();
        union.awaitMessage(m -> m.hasCommitment() && m.getCommitment().getCharacterId().equals("carers"));

        // Before the last commitment: others know who committed, never what.
        for (WireClient c : List.of(union, observer, manager)) {
            assertThat(c.received().stream().filter(ServerMessage::hasCommitment)
                    .filter(m -> m.getCommitment().getChoicesCount() > 0)
                    .allMatch(m -> c == manager && m.getCommitment().getCharacterId().equals("manager"))).isTrue();
        }
        assertThat(trainer.awaitMessage(m -> m.hasCommitment() && m.getCommitment().getCharacterId().equals("carers")
                && m.getCommitment().getChoicesCount() == 1)).isNotNull();
        ServerMessage wrong = union.request(cmd().setCommit(Commit.newBuilder().addSettings(set("late", true))));
        assertThat(wrong.getError().getCode()).isEqualTo(ErrorCode.NOT_YOUR_OPTION);

        union.request(cmd().setCommit(Commit.newBuilder().addSettings(set("refuse", false))));
        // Everyone committed: the reveal comes by itself; the debrief when the trainer opens it.
        ServerMessage outcome = observer.awaitMessage(ServerMessage::hasOutcome);
        assertThat(outcome.getOutcome().getOutcomeList()).contains(set("late", false), set("protest", true), set("refuse", false));
        CharacterOutcome carersOutcome = outcome.getOutcome().getCharactersList().stream()
                .filter(c -> c.getCharacterId().equals("carers")).findFirst().orElseThrow();
        assertThat(carersOutcome.getThreatsCarriedOutList()).singleElement().asString().contains("o1");
        advanceTo(Phase.DEBRIEF);
        observer.awaitMessage(m -> m.hasSessionState() && m.getSessionState().getPhase() == Phase.DEBRIEF);
        // Everyone, observers too, gets the summary, and the whole debrief for the asking, every briefing in it.
        observer.awaitMessage(ServerMessage::hasDebriefSummary);
        assertThat(observer.request(cmd().setExportDebrief(ExportDebrief.newBuilder().setFormat(ExportDebrief.Format.MARKDOWN)))
                .getDebrief().getContent()).contains("## Timeline", "### Ann Price");

        ServerMessage md = trainer.request(cmd().setExportDebrief(ExportDebrief.newBuilder().setFormat(ExportDebrief.Format.MARKDOWN)));
        String debrief = md.getDebrief().getContent();
        assertThat(debrief).contains("# Debrief: Late Opening at Millbrook Day Centre", "## Timeline",
                "offers Priya Nair", "commits", "## Outcome", "## Briefings", "dilemma");
        ServerMessage json = union.request(cmd().setExportDebrief(ExportDebrief.newBuilder().setFormat(ExportDebrief.Format.JSON)));
        assertThat(json.getDebrief().getContent()).contains("\"timeline\"", "\"outcome\"", "\"threatsCarriedOut\"");
    }

    @Test
    void theTrainerPausesExtendsAndInjects() throws Exception {
        assertThat(trainer.request(cmd().setPauseClock(PauseClock.newBuilder().setPaused(true))).hasAck()).isTrue();
        ServerMessage paused = union.request(cmd().setSetPosition(SetPosition.newBuilder().addSettings(set("late", true))));
        assertThat(paused.getError().getCode()).isEqualTo(ErrorCode.SESSION_PAUSED);
        assertThat(union.request(cmd().setSay(Say.newBuilder().setText("talk goes on while paused"))).hasAck()).isTrue();
        assertThat(trainer.request(cmd().setExtendClock(ExtendClock.newBuilder().setSeconds(300))).hasAck()).isTrue();
        assertThat(trainer.request(cmd().setPauseClock(PauseClock.newBuilder().setPaused(false))).hasAck()).isTrue();
        ServerMessage state = observer.awaitMessage(m -> m.hasSessionState() && !m.getSessionState().getPaused()
                && m.getSessionState().getPhaseDeadlineEpochMs() > 0 && m.getRequestId() == 0
                && observer.received().indexOf(m) > 3);
        assertThat(state.getSessionState().getPhase()).isEqualTo(Phase.NEGOTIATION);

        ServerMessage notTrainer = union.request(cmd().setSendInject(SendInject.newBuilder().setInjectId("petition")));
        assertThat(notTrainer.getError().getCode()).isEqualTo(ErrorCode.NOT_ALLOWED);
        assertThat(trainer.request(cmd().setSendInject(SendInject.newBuilder().setInjectId("petition"))).hasAck()).isTrue();
        ServerMessage inject = observer.awaitMessage(ServerMessage::hasInject);
        assertThat(inject.getInject().getTitle()).isEqualTo("A petition with 400 signatures");
        assertThat(inject.getInject().getBoardChangesList()).anyMatch(s -> s.contains("trial"));
        // The new option is on everyone's board, and can be moved on.
        observer.awaitMessage(m -> m.hasBoardDelta()
                && m.getBoardDelta().getOptionsList().stream().anyMatch(o -> o.getId().equals("trial")));
        assertThat(manager.request(cmd().setStateIntentions(StateIntentions.newBuilder().addSettings(set("trial", true)))).hasAck()).isTrue();

        assertThat(trainer.request(cmd().setSendInject(SendInject.newBuilder().setText("The press is outside."))).hasAck()).isTrue();
        carers.awaitMessage(m -> m.hasInject() && m.getInject().getText().equals("The press is outside."));
    }
}
