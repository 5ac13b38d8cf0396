package dev.drama.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drama.proto.*;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A trainer and three trainees play a short negotiation through the real server; each one's frames are checked. */
class SessionEndToEndTest {
    private ServerFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new ServerFixture();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    static ClientMessage.Builder cmd() {
        return ClientMessage.newBuilder();
    }

    static OptionSetting set(String option, boolean value) {
        return OptionSetting.newBuilder().setOptionId(option).setChoice(value ? Choice.YES : Choice.NO).build();
    }

    @Test
    void aNegotiationReachesEachParticipantAsVisibilityAllows() throws Exception {
        try (WireClient trainer = fixture.trainer();
             WireClient manager = fixture.anonymous();
             WireClient carers = fixture.anonymous();
             WireClient union = fixture.anonymous()) {
            ServerMessage created = trainer.request(cmd().setCreateSession(CreateSession.newBuilder().setPackId("tiny")));
            String code = created.getSessionJoined().getJoinCode();
            assertThat(code).as("ten characters in groups, for reading aloud").matches("[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}");

            for (var p : List.of(List.of(manager, "Mo", "manager"), List.of(carers, "Cat", "carers"), List.of(union, "Uma", "union"))) {
                ServerMessage joined = ((WireClient) p.get(0)).request(cmd().setJoin(Join.newBuilder()
                        .setJoinCode(code).setDisplayName((String) p.get(1)).setCharacterId((String) p.get(2))));
                assertThat(joined.getSessionJoined().getCharacterId()).isEqualTo(p.get(2));
                assertThat(joined.getSessionJoined().getResumeToken()).hasSizeGreaterThan(30);
            }

            assertThat(trainer.request(cmd().setAdvancePhase(AdvancePhase.getDefaultInstance())).hasAck()).isTrue();
            carers.awaitMessage(m -> m.hasBriefing());
            // A move before the negotiation is refused with the phase named.
            ServerMessage early = carers.request(cmd().setSetPosition(SetPosition.newBuilder().addSettings(set("late", true))));
            assertThat(early.getError().getCode()).isEqualTo(ErrorCode.WRONG_PHASE);
            assertThat(early.getError().getMessage()).contains("briefing");

            assertThat(trainer.request(cmd().setAdvancePhase(AdvancePhase.newBuilder().setTo(Phase.NEGOTIATION))).hasAck()).isTrue();

            ServerMessage told = carers.request(cmd().setTell(Tell.newBuilder().addToCharacterIds("manager").setText("between us: the forum votes tonight")));
            assertThat(told.hasAck()).isTrue();
            ServerMessage offered = carers.request(cmd().setMakeOffer(MakeOffer.newBuilder().addToCharacterIds("manager")
                    .addAsk(set("late", true)).addPromise(set("protest", false)).addThreat(set("protest", true))));
            assertThat(offered.hasAck()).isTrue();
            ServerMessage notMine = union.request(cmd().setStateIntentions(StateIntentions.newBuilder().addSettings(set("late", false))));
            assertThat(notMine.getError().getCode()).isEqualTo(ErrorCode.NOT_YOUR_OPTION);

            manager.awaitMessage(m -> m.hasOffer());
            assertThat(manager.request(cmd().setRespondToOffer(RespondToOffer.newBuilder().setOfferId("o1")
                    .setResponse(RespondToOffer.Response.ACCEPT))).hasAck()).isTrue();
            union.request(cmd().setSay(Say.newBuilder().setText("the staff are watching this")));
            trainer.awaitMessage(m -> m.hasTalk() && m.getTalk().getText().contains("staff"));
            carers.awaitMessage(m -> m.hasTalk() && m.getTalk().getText().contains("staff"));

            // Each trainee saw its own briefing and never another's.
            for (var p : List.of(List.of(manager, "manager"), List.of(carers, "carers"), List.of(union, "union"))) {
                WireClient c = (WireClient) p.get(0);
                String me = (String) p.get(1);
                Set<String> briefings = c.received().stream().filter(ServerMessage::hasBriefing)
                        .map(m -> m.getBriefing().getCharacterId()).collect(Collectors.toSet());
                assertThat(briefings).containsExactly(me);
                assertThat(c.received().stream().filter(ServerMessage::hasDilemma)
                        .map(m -> m.getDilemma().getDilemma().getHolderId())).allMatch(me::equals);
            }
            // Private talk and the offer reached exactly their parties, and the trainer.
            for (WireClient c : List.of(trainer, manager, carers)) {
                c.awaitMessage(m -> m.hasTalk() && m.getTalk().getPrivate());
                c.awaitMessage(m -> m.hasOffer() && m.getOffer().getOffer().getStatus() == Offer.Status.ACCEPTED);
            }
            assertThat(union.saw(m -> m.hasTalk() && m.getTalk().getPrivate())).isFalse();
            assertThat(union.saw(ServerMessage::hasOffer)).isFalse();
            // The accepted offer moved both parties' positions, which everyone sees on the board.
            ServerMessage board = union.request(cmd().setGetBoard(GetBoard.getDefaultInstance()));
            CharacterStance managerStance = board.getBoard().getStancesList().stream()
                    .filter(s -> s.getCharacterId().equals("manager")).findFirst().orElseThrow();
            assertThat(managerStance.getPositionList()).contains(set("late", true), set("protest", false));
            // The trainer saw every character's dilemmas.
            assertThat(trainer.received().stream().filter(ServerMessage::hasDilemma)
                    .map(m -> m.getDilemma().getDilemma().getHolderId()).collect(Collectors.toSet()))
                    .contains("manager", "carers", "union");
        }
    }
}
