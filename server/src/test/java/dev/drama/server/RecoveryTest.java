package dev.drama.server;

import static dev.drama.server.Play.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drama.proto.*;
import dev.drama.server.journal.SessionHistory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server closed mid-session and started again on the same data folder carries the session on. */
class RecoveryTest {
    @TempDir
    Path data;

    @Test
    void aRestartedServerHasTheSessionBackAndItsPlayersResumeWithTheirTokens() throws Exception {
        String code;
        String sessionId;
        String carersToken;
        String managerToken;
        String unionToken;
        String observerToken;
        String trainerToken;
        String carersParticipant;
        BoardView boardBefore;
        try (ServerFixture f = new ServerFixture(data, ServerConfig.Limits.defaults());
             Wire trainer = Wire.connect("trainer", f.port(), f.server.trainerSecret());
             Wire manager = Wire.connect("manager", f.port(), null);
             Wire carers = Wire.connect("carers", f.port(), null);
             Wire union = Wire.connect("union", f.port(), null);
             Wire observer = Wire.connect("observer", f.port(), null)) {
            SessionJoined created = create(trainer, "tiny");
            code = created.getJoinCode();
            sessionId = created.getSessionId();
            trainerToken = created.getResumeToken();
            managerToken = join(manager, code, "Mo", "manager").getResumeToken();
            SessionJoined cj = join(carers, code, "Cat", "carers");
            carersToken = cj.getResumeToken();
            carersParticipant = cj.getParticipantId();
            unionToken = join(union, code, "Uma", "union").getResumeToken();
            observerToken = watch(observer, code, "Obi").getResumeToken();
            advance(trainer, Phase.BRIEFING);
            advance(trainer, Phase.NEGOTIATION);

            acked(manager, cmd().setStateIntentions(StateIntentions.newBuilder().addSettings(set("overtime", false))));
            acked(union, cmd().setSetPosition(SetPosition.newBuilder().addSettings(set("refuse", true))));
            acked(union, cmd().setDeclareDoubt(DeclareDoubt.newBuilder().setAboutCharacterId("manager").setDoubt(true)));
            acked(carers, cmd().setMakeOffer(MakeOffer.newBuilder().addToCharacterIds("manager")
                    .addAsk(set("late", true)).addPromise(set("protest", false)).addThreat(set("protest", true))
                    .setNote("before the restart")));
            acked(carers, cmd().setTell(Tell.newBuilder().addToCharacterIds("manager").setText("the forum votes tonight")));
            acked(union, cmd().setSay(Say.newBuilder().setText("the staff are watching this")));
            boardBefore = board(trainer).getBoard();
        }

        // The journal (the server's log) has every move, and never a token (only their hashes).
        StringBuilder asText = new StringBuilder();
        try (Stream<Path> segments = Files.list(data.resolve("log"))) {
            for (Path segment : (Iterable<Path>) segments::iterator) {
                asText.append(new String(Files.readAllBytes(segment), StandardCharsets.ISO_8859_1));
            }
        }
        assertThat(asText).contains("the forum votes tonight");
        for (String token : List.of(carersToken, managerToken, unionToken, observerToken, trainerToken)) {
            assertThat(asText).doesNotContain(token);
        }
        assertThat(historyOf(sessionId).loss()).isEmpty();

        try (ServerFixture f = new ServerFixture(data, ServerConfig.Limits.defaults());
             Wire trainer = Wire.connect("trainer", f.port(), f.server.trainerSecret());
             Wire carers = Wire.connect("carers", f.port(), null);
             Wire manager = Wire.connect("manager", f.port(), null);
             Wire observer = Wire.connect("observer", f.port(), null)) {
            SessionSummary summary = ok(trainer.request(cmd().setListSessions(ListSessions.getDefaultInstance())))
                    .getSessions().getSessionsList().stream().filter(s -> s.getSessionId().equals(sessionId))
                    .findFirst().orElseThrow();
            assertThat(summary.getJoinCode()).isEqualTo(code);
            assertThat(summary.getPhase()).isEqualTo(Phase.NEGOTIATION);
            // The trainer and three trainees keep their seats; the observer's ended when it left.
            assertThat(summary.getParticipants()).isEqualTo(4);

            // The trainer takes its seat back with its own token.
            ServerMessage tj = resume(trainer, trainerToken);
            assertThat(tj.getSessionJoined().getRole()).isEqualTo(Role.TRAINER);

            ServerMessage back = resume(carers, carersToken);
            SessionJoined sj = back.getSessionJoined();
            assertThat(sj.getSessionId()).isEqualTo(sessionId);
            assertThat(sj.getJoinCode()).isEqualTo(code);
            assertThat(sj.getCharacterId()).isEqualTo("carers");
            assertThat(sj.getParticipantId()).isEqualTo(carersParticipant);
            assertThat(sj.getRole()).isEqualTo(Role.TRAINEE);
            // The catch-up: the phase, the same board, the offer and the talk it may see, its own briefing.
            assertThat(carers.await(m -> m.hasSessionState()).getSessionState().getPhase()).isEqualTo(Phase.NEGOTIATION);
            // The same board; its version is the restarted session's own count (a whole board replaces any held).
            assertThat(unversioned(carers.await(m -> m.hasBoard()).getBoard())).isEqualTo(unversioned(boardBefore));
            Offer offer = carers.await(m -> m.hasOffer()).getOffer().getOffer();
            assertThat(offer.getOfferId()).isEqualTo("o1");
            assertThat(offer.getStatus()).isEqualTo(Offer.Status.PENDING);
            assertThat(offer.getNote()).isEqualTo("before the restart");
            carers.await(m -> m.hasTalk() && m.getTalk().getPrivate() && m.getTalk().getText().equals("the forum votes tonight"));
            carers.await(m -> m.hasTalk() && m.getTalk().getText().equals("the staff are watching this"));
            carers.await(m -> m.hasBriefing() && m.getBriefing().getCharacterId().equals("carers"));
            assertThat(carers.saw(m -> m.hasBriefing() && !m.getBriefing().getCharacterId().equals("carers"))).isFalse();
            assertThat(unversioned(board(carers).getBoard())).isEqualTo(unversioned(boardBefore));

            // The observer's token brings back an observer, who sees no private talk and no offer.
            assertThat(resume(observer, observerToken).getSessionJoined().getRole()).isEqualTo(Role.OBSERVER);
            observer.await(m -> m.hasTalk() && m.getTalk().getText().equals("the staff are watching this"));
            assertThat(observer.saw(m -> m.hasOffer() || m.hasBriefing() || (m.hasTalk() && m.getTalk().getPrivate()))).isFalse();

            // The session goes on: the manager accepts the offer made before the restart.
            assertThat(resume(manager, managerToken).getSessionJoined().getCharacterId()).isEqualTo("manager");
            acked(manager, cmd().setRespondToOffer(RespondToOffer.newBuilder().setOfferId("o1")
                    .setResponse(RespondToOffer.Response.ACCEPT)));
            carers.await(m -> m.hasOffer() && m.getOffer().getOffer().getStatus() == Offer.Status.ACCEPTED);
            CharacterStance managerStance = board(trainer).getBoard().getStancesList().stream()
                    .filter(s -> s.getCharacterId().equals("manager")).findFirst().orElseThrow();
            assertThat(managerStance.getPositionList()).contains(set("late", true));

            // A token never opens another session: a second session's seats are its own.
            try (Wire trainer2 = Wire.connect("trainer2", f.port(), f.server.trainerSecret());
                 Wire other = Wire.connect("other", f.port(), null);
                 Wire thief = Wire.connect("thief", f.port(), null)) {
                SessionJoined second = create(trainer2, "tiny");
                SessionJoined otherSeat = join(other, second.getJoinCode(), "Cat", "carers");
                assertThat(otherSeat.getResumeToken()).isNotEqualTo(carersToken);
                // The first session's union token leads to the first session only, whatever else exists.
                SessionJoined u = resume(thief, unionToken).getSessionJoined();
                assertThat(u.getSessionId()).isEqualTo(sessionId).isNotEqualTo(second.getSessionId());
                assertThat(u.getCharacterId()).isEqualTo("union");
                // Already seated: no second seat on the same connection.
                assertThat(resume(thief, otherSeat.getResumeToken()).getError().getCode()).isEqualTo(ErrorCode.ALREADY_IN_SESSION);
            }
            for (String forged : Stream.of("", "x", carersToken + "x", carersToken.substring(1),
                    carersToken.toUpperCase(), sessionId, code).toList()) {
                try (Wire stranger = Wire.connect("stranger", f.port(), null)) {
                    assertThat(resume(stranger, forged).getError().getCode()).as("token '%s'", forged)
                            .isEqualTo(ErrorCode.UNKNOWN_SESSION);
                }
            }
        }
    }

    @Test
    void aResumeOnASecondConnectionTakesTheSeatFromTheFirst() throws Exception {
        try (ServerFixture f = new ServerFixture(data, ServerConfig.Limits.defaults());
             Wire trainer = Wire.connect("trainer", f.port(), f.server.trainerSecret());
             Wire first = Wire.connect("first", f.port(), null);
             Wire second = Wire.connect("second", f.port(), null)) {
            String code = create(trainer, "tiny").getJoinCode();
            String token = join(first, code, "Cat", "carers").getResumeToken();
            assertThat(resume(second, token).getSessionJoined().getCharacterId()).isEqualTo("carers");
            assertThat(first.awaitClosed(Wire.TIMEOUT)).as("the old connection is closed").isTrue();
            advance(trainer, Phase.NEGOTIATION);
            acked(second, cmd().setSay(Say.newBuilder().setText("still me")));
        }
    }

    /** The log torn inside its last entry, with zeros after it (a crash mid-write): the server starts and keeps the rest. */
    @Test
    void aRestartedServerKeepsEveryCompleteRecordOfATornLog() throws Exception {
        String sessionId;
        String token;
        try (ServerFixture f = new ServerFixture(data, ServerConfig.Limits.defaults());
             Wire trainer = Wire.connect("trainer", f.port(), f.server.trainerSecret());
             Wire carers = Wire.connect("carers", f.port(), null)) {
            SessionJoined s = create(trainer, "tiny");
            sessionId = s.getSessionId();
            token = join(carers, s.getJoinCode(), "Cat", "carers").getResumeToken();
            advance(trainer, Phase.NEGOTIATION);
            acked(carers, cmd().setSay(Say.newBuilder().setText("kept")));
            acked(carers, cmd().setSay(Say.newBuilder().setText("torn by the crash")));
        }
        List<JournalRecord> whole = historyOf(sessionId).records();
        Path segment;
        try (java.util.stream.Stream<Path> segments = Files.list(data.resolve("log"))) {
            segment = segments.max(java.util.Comparator.naturalOrder()).orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(segment);
        int last = LogEntry.newBuilder().setSessionId(sessionId).setRecord(whole.get(whole.size() - 1)).build()
                .getSerializedSize() + 12;
        byte[] torn = java.util.Arrays.copyOf(bytes, bytes.length - last / 2 + 4096); // half the last entry, then zeros
        java.util.Arrays.fill(torn, bytes.length - last / 2, torn.length, (byte) 0);
        Files.write(segment, torn);

        try (ServerFixture f = new ServerFixture(data, ServerConfig.Limits.defaults());
             Wire carers = Wire.connect("carers", f.port(), null)) {
            assertThat(resume(carers, token).getSessionJoined().getCharacterId()).isEqualTo("carers");
            carers.await(m -> m.hasTalk() && m.getTalk().getText().equals("kept"));
            assertThat(carers.await(ServerMessage::hasSessionState).getSessionState().getPhase()).isEqualTo(Phase.NEGOTIATION);
            assertThat(carers.saw(m -> m.hasTalk() && m.getTalk().getText().equals("torn by the crash"))).isFalse();
            acked(carers, cmd().setSay(Say.newBuilder().setText("after the restart")));
        }
        assertThat(Files.size(segment)).as("the torn tail was cut off").isEqualTo(bytes.length - last);
        SessionHistory after = historyOf(sessionId);
        assertThat(after.loss()).isEmpty();
        assertThat(after.records()).hasSize(whole.size());
        assertThat(after.records().subList(0, whole.size() - 1)).isEqualTo(whole.subList(0, whole.size() - 1));
        assertThat(after.records().get(whole.size() - 1).getTalkSent().getTalk().getText()).isEqualTo("after the restart");
    }

    private SessionHistory historyOf(String sessionId) throws java.io.IOException {
        return SessionHistory.read(data.resolve("sessions"), data.resolve("log"), sessionId);
    }

    private static BoardView unversioned(BoardView board) {
        return board.toBuilder().clearVersion().build();
    }
}
