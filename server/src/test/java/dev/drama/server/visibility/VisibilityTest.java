package dev.drama.server.visibility;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drama.proto.Ack;
import dev.drama.proto.DebriefSummary;
import dev.drama.proto.Guide;
import dev.drama.proto.InjectList;
import dev.drama.proto.BoardDelta;
import dev.drama.proto.BoardView;
import dev.drama.proto.Briefing;
import dev.drama.proto.Choice;
import dev.drama.proto.CommitmentEvent;
import dev.drama.proto.DebriefExport;
import dev.drama.proto.Dilemma;
import dev.drama.proto.DilemmaEvent;
import dev.drama.proto.InjectEvent;
import dev.drama.proto.Notice;
import dev.drama.proto.Offer;
import dev.drama.proto.OfferEvent;
import dev.drama.proto.OptionSetting;
import dev.drama.proto.OutcomeEvent;
import dev.drama.proto.PackList;
import dev.drama.proto.Participant;
import dev.drama.proto.ParticipantEvent;
import dev.drama.proto.Phase;
import dev.drama.proto.Role;
import dev.drama.proto.ServerMessage;
import dev.drama.proto.SessionList;
import dev.drama.proto.SessionState;
import dev.drama.proto.Talk;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Who may receive what, as one table. Characters: A and B are played, C is a third
 * character (played by nobody in this table). Viewers: the trainer, the player of A, the
 * player of B, a trainee who has no character yet, and an observer.
 */
class VisibilityTest {
    record V(Role role, String characterId) implements Viewer {
    }

    static final Map<String, Viewer> VIEWERS = new LinkedHashMap<>();

    static {
        VIEWERS.put("trainer", new V(Role.TRAINER, ""));
        VIEWERS.put("A", new V(Role.TRAINEE, "A"));
        VIEWERS.put("B", new V(Role.TRAINEE, "B"));
        VIEWERS.put("none", new V(Role.TRAINEE, ""));
        VIEWERS.put("observer", new V(Role.OBSERVER, ""));
    }

    static final OptionSetting YES = OptionSetting.newBuilder().setOptionId("x").setChoice(Choice.YES).build();

    static ServerMessage message(String name) {
        ServerMessage.Builder m = ServerMessage.newBuilder();
        switch (name) {
            case "briefing of A" -> m.setBriefing(Briefing.newBuilder().setCharacterId("A").setText("secret"));
            case "briefing of nobody" -> m.setBriefing(Briefing.newBuilder().setText("secret"));
            case "dilemma held by A" -> m.setDilemma(DilemmaEvent.newBuilder().setChange(DilemmaEvent.Change.AROSE)
                    .setDilemma(Dilemma.newBuilder().setHolderId("A").setTowardsId("B")));
            case "dilemma held by nobody" -> m.setDilemma(DilemmaEvent.newBuilder().setDilemma(Dilemma.getDefaultInstance()));
            case "public talk by A" -> m.setTalk(Talk.newBuilder().setFromCharacterId("A").setText("hi"));
            case "public talk by trainer" -> m.setTalk(Talk.newBuilder().setText("hi"));
            case "private talk A to B" -> m.setTalk(Talk.newBuilder().setFromCharacterId("A").addToCharacterIds("B")
                    .setPrivate(true).setText("psst"));
            case "private talk A to C" -> m.setTalk(Talk.newBuilder().setFromCharacterId("A").addToCharacterIds("C")
                    .setPrivate(true).setText("psst"));
            case "private talk C to A" -> m.setTalk(Talk.newBuilder().setFromCharacterId("C").addToCharacterIds("A")
                    .setPrivate(true).setText("psst"));
            case "private talk trainer to B" -> m.setTalk(Talk.newBuilder().addToCharacterIds("B").setPrivate(true).setText("psst"));
            case "private talk to nobody" -> m.setTalk(Talk.newBuilder().setPrivate(true).setText("psst"));
            case "offer A to B" -> m.setOffer(OfferEvent.newBuilder().setOffer(Offer.newBuilder().setOfferId("o1")
                    .setFromCharacterId("A").addToCharacterIds("B").addAsk(YES)));
            case "offer A to C" -> m.setOffer(OfferEvent.newBuilder().setOffer(Offer.newBuilder().setOfferId("o1")
                    .setFromCharacterId("A").addToCharacterIds("C").addAsk(YES)));
            case "offer C to A and B" -> m.setOffer(OfferEvent.newBuilder().setOffer(Offer.newBuilder().setOfferId("o1")
                    .setFromCharacterId("C").addToCharacterIds("A").addToCharacterIds("B").addAsk(YES)));
            case "commitment choices of A" -> m.setCommitment(CommitmentEvent.newBuilder().setCharacterId("A").addChoices(YES));
            case "commitment choices of nobody" -> m.setCommitment(CommitmentEvent.newBuilder().addChoices(YES));
            case "A has committed" -> m.setCommitment(CommitmentEvent.newBuilder().setCharacterId("A"));
            case "board" -> m.setBoard(BoardView.getDefaultInstance());
            case "board delta" -> m.setBoardDelta(BoardDelta.newBuilder().setBaseVersion(1).setVersion(2).setChangedBy("A"));
            case "session state" -> m.setSessionState(SessionState.getDefaultInstance());
            case "participant joined" -> m.setParticipant(ParticipantEvent.newBuilder()
                    .setParticipant(Participant.newBuilder().setCharacterId("A")));
            case "inject" -> m.setInject(InjectEvent.newBuilder().setText("news"));
            case "notice" -> m.setNotice(Notice.newBuilder().setText("one minute left"));
            case "notice for trainers" -> m.setNotice(Notice.newBuilder().setText("inject due").setTrainersOnly(true));
            case "inject list" -> m.setInjects(InjectList.getDefaultInstance());
            case "guide" -> m.setGuide(Guide.newBuilder().setText("how to run it"));
            case "debrief summary" -> m.setDebriefSummary(DebriefSummary.getDefaultInstance());
            case "outcome" -> m.setOutcome(OutcomeEvent.getDefaultInstance());
            case "debrief export" -> m.setDebrief(DebriefExport.newBuilder().setContent("all of it"));
            case "session list" -> m.setSessions(SessionList.getDefaultInstance());
            case "pack list" -> m.setPacks(PackList.getDefaultInstance());
            case "ack" -> m.setAck(Ack.getDefaultInstance());
            case "cohort view" -> m.setCohort(dev.drama.proto.CohortView.newBuilder().addGroups(
                    dev.drama.proto.CohortGroup.newBuilder().setNumber(1)));
            case "cohort opened" -> m.setCohortOpened(dev.drama.proto.CohortOpened.newBuilder().setCohortId("c"));
            default -> throw new IllegalArgumentException("no message called " + name);
        }
        return m.build();
    }

    @ParameterizedTest(name = "{0} in {1}: trainer {2}, A {3}, B {4}, no character {5}, observer {6}")
    @CsvSource(delimiter = '|', textBlock = """
            # message                     | phase          | trainer | A | B | none | observer
            briefing of A                 | NEGOTIATION    | y       | y | n | n    | n
            briefing of A                 | DEBRIEF        | y       | y | y | y    | y
            briefing of nobody            | NEGOTIATION    | y       | n | n | n    | n
            dilemma held by A             | NEGOTIATION    | y       | y | n | n    | n
            dilemma held by A             | DEBRIEF        | y       | y | y | y    | y
            dilemma held by nobody        | NEGOTIATION    | y       | n | n | n    | n
            public talk by A              | NEGOTIATION    | y       | y | y | y    | y
            public talk by A              | DEBRIEF        | y       | y | y | y    | y
            public talk by trainer        | NEGOTIATION    | y       | y | y | y    | y
            private talk A to B           | NEGOTIATION    | y       | y | y | n    | n
            private talk A to B           | DEBRIEF        | y       | y | y | n    | n
            private talk A to C           | NEGOTIATION    | y       | y | n | n    | n
            private talk A to C           | DEBRIEF        | y       | y | n | n    | n
            private talk C to A           | NEGOTIATION    | y       | y | n | n    | n
            private talk trainer to B     | NEGOTIATION    | y       | n | y | n    | n
            private talk to nobody        | NEGOTIATION    | y       | n | n | n    | n
            offer A to B                  | NEGOTIATION    | y       | y | y | n    | n
            offer A to B                  | DEBRIEF        | y       | y | y | n    | n
            offer A to C                  | NEGOTIATION    | y       | y | n | n    | n
            offer C to A and B            | NEGOTIATION    | y       | y | y | n    | n
            commitment choices of A       | NEGOTIATION    | y       | y | n | n    | n
            commitment choices of A       | DEBRIEF        | y       | y | n | n    | n
            commitment choices of nobody  | NEGOTIATION    | y       | n | n | n    | n
            A has committed               | NEGOTIATION    | n       | n | y | y    | y
            board                         | NEGOTIATION    | y       | y | y | y    | y
            board delta                   | NEGOTIATION    | y       | y | y | y    | y
            session state                 | NEGOTIATION    | y       | y | y | y    | y
            participant joined            | NEGOTIATION    | y       | y | y | y    | y
            inject                        | NEGOTIATION    | y       | y | y | y    | y
            notice                        | NEGOTIATION    | y       | y | y | y    | y
            notice for trainers           | NEGOTIATION    | y       | n | n | n    | n
            inject list                   | NEGOTIATION    | y       | n | n | n    | n
            guide                         | NEGOTIATION    | y       | n | n | n    | n
            debrief summary               | DEBRIEF        | y       | y | y | y    | y
            outcome                       | DEBRIEF        | y       | y | y | y    | y
            debrief export                | NEGOTIATION    | y       | n | n | n    | n
            debrief export                | DEBRIEF        | y       | y | y | y    | y
            session list                  | NEGOTIATION    | y       | n | n | n    | n
            session list                  | DEBRIEF        | y       | n | n | n    | n
            pack list                     | NEGOTIATION    | y       | n | n | n    | n
            ack                           | NEGOTIATION    | y       | y | y | y    | y
            cohort view                   | NEGOTIATION    | y       | n | n | n    | n
            cohort view                   | DEBRIEF        | y       | n | n | n    | n
            cohort view                   | PHASE_UNSPECIFIED | y    | n | n | n    | n
            cohort opened                 | LOBBY          | y       | n | n | n    | n
            """)
    void whoMayReceiveWhat(String message, Phase phase, String trainer, String a, String b, String none, String observer) {
        ServerMessage m = message(message);
        List<String> expected = List.of(trainer, a, b, none, observer);
        int i = 0;
        for (Map.Entry<String, Viewer> v : VIEWERS.entrySet()) {
            boolean may = Visibility.mayReceive(v.getValue(), m, phase);
            assertThat(may ? "y" : "n").as("%s in %s, viewer %s", message, phase, v.getKey()).isEqualTo(expected.get(i++));
        }
    }

    /** Private kinds of message are never public before the debrief, whatever phase the session is in. */
    @Test
    void secretsStayPrivateInEveryPhaseBeforeTheDebrief() {
        List<String> secrets = List.of("briefing of A", "dilemma held by A", "private talk A to B", "offer A to B",
                "commitment choices of A", "debrief export");
        for (Phase phase : List.of(Phase.LOBBY, Phase.BRIEFING, Phase.NEGOTIATION, Phase.MOMENT_OF_TRUTH)) {
            for (String s : secrets) {
                assertThat(Visibility.mayReceive(VIEWERS.get("observer"), message(s), phase)).as("%s in %s", s, phase).isFalse();
                assertThat(Visibility.mayReceive(VIEWERS.get("none"), message(s), phase)).as("%s in %s", s, phase).isFalse();
            }
        }
    }

    /** An unknown role (a newer client's, or a corrupted record) sees only public things. */
    @Test
    void anUnspecifiedRoleSeesOnlyWhatIsPublic() {
        Viewer odd = new V(Role.ROLE_UNSPECIFIED, "A");
        assertThat(Visibility.mayReceive(odd, message("briefing of A"), Phase.NEGOTIATION)).isFalse();
        assertThat(Visibility.mayReceive(odd, message("public talk by A"), Phase.NEGOTIATION)).isTrue();
    }
}
