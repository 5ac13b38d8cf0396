package dev.drama.server;

import static dev.drama.server.SessionEndToEndTest.cmd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drama.proto.*;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The trainer's hold on the room: assignment, replacement, muting, the join code. */
class TrainerControlsTest {
    private ServerFixture fixture;
    private WireClient trainer;
    private String code;

    @BeforeEach
    void start() throws Exception {
        fixture = new ServerFixture();
        trainer = fixture.trainer();
        code = trainer.request(cmd().setCreateSession(CreateSession.newBuilder().setPackId("tiny")))
                .getSessionJoined().getJoinCode();
    }

    @AfterEach
    void stop() throws Exception {
        trainer.close();
        fixture.close();
    }

    private WireClient join(String name) throws Exception {
        WireClient c = fixture.anonymous();
        assertThat(c.request(cmd().setJoin(Join.newBuilder().setJoinCode(code).setDisplayName(name))).hasSessionJoined()).isTrue();
        return c;
    }

    private static String participantId(WireClient c) {
        return c.awaitMessage(ServerMessage::hasSessionJoined).getSessionJoined().getParticipantId();
    }

    @Test
    void automaticAssignmentGivesEveryWaitingPlayerAFreeCharacter() throws Exception {
        try (WireClient a = join("Ann"); WireClient b = join("Bo")) {
            assertThat(trainer.request(cmd().setAssignCharacter(AssignCharacter.getDefaultInstance())).hasAck()).isTrue();
            ServerMessage board = a.request(cmd().setGetBoard(GetBoard.getDefaultInstance()));
            assertThat(board.getBoard().getCharactersList()).filteredOn(c -> !c.getPlayedBy().isEmpty())
                    .extracting(CharacterView::getPlayedBy).containsExactly("Ann", "Bo");
            ServerMessage again = trainer.request(cmd().setAssignCharacter(AssignCharacter.getDefaultInstance()));
            assertThat(again.getError().getCode()).isEqualTo(ErrorCode.NOT_ALLOWED);
        }
    }

    @Test
    void aCharacterCanBeHandedFromAnAbsentPlayerToALateOne() throws Exception {
        WireClient first = join("Ann");
        trainer.request(cmd().setAssignCharacter(AssignCharacter.newBuilder().setParticipantId(participantId(first)).setCharacterId("union")));
        first.close();
        try (WireClient late = join("Late")) {
            assertThat(trainer.request(cmd().setAssignCharacter(AssignCharacter.newBuilder()
                    .setParticipantId(participantId(late)).setCharacterId("union"))).hasAck()).isTrue();
            trainer.request(cmd().setAdvancePhase(AdvancePhase.getDefaultInstance()));
            assertThat(late.awaitMessage(ServerMessage::hasBriefing).getBriefing().getCharacterId()).isEqualTo("union");
        }
    }

    @Test
    void aMutedPlayerCannotTalkUntilUnmuted() throws Exception {
        try (WireClient noisy = join("Noisy")) {
            String id = participantId(noisy);
            trainer.request(cmd().setAssignCharacter(AssignCharacter.newBuilder().setParticipantId(id).setCharacterId("carers")));
            assertThat(trainer.request(cmd().setMuteParticipant(MuteParticipant.newBuilder().setParticipantId(id).setMuted(true))).hasAck()).isTrue();
            assertThat(noisy.request(cmd().setSay(Say.newBuilder().setText("hello?"))).getError().getCode()).isEqualTo(ErrorCode.MUTED);
            trainer.request(cmd().setMuteParticipant(MuteParticipant.newBuilder().setParticipantId(id).setMuted(false)));
            assertThat(noisy.request(cmd().setSay(Say.newBuilder().setText("hello again"))).hasAck()).isTrue();
        }
    }

    @Test
    void aRotatedJoinCodeReplacesTheOldOne() throws Exception {
        assertThat(trainer.request(cmd().setRotateJoinCode(RotateJoinCode.getDefaultInstance())).hasAck()).isTrue();
        String fresh = trainer.awaitMessage(ServerMessage::hasJoinCode).getJoinCode().getJoinCode();
        assertThat(fresh).isNotEqualTo(code);
        try (WireClient c = fixture.anonymous()) {
            ServerMessage old = c.request(cmd().setJoin(Join.newBuilder().setJoinCode(code).setDisplayName("X")));
            assertThat(old.getError().getCode()).isEqualTo(ErrorCode.UNKNOWN_SESSION);
            assertThat(c.request(cmd().setJoin(Join.newBuilder().setJoinCode(fresh).setDisplayName("X"))).hasSessionJoined()).isTrue();
            assertThat(c.saw(ServerMessage::hasJoinCode)).isFalse();
        }
    }
}
