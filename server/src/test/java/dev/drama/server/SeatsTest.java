package dev.drama.server;

import static dev.drama.server.Play.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drama.proto.*;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Seats and tokens over raw frames (issues 10 and 11): a name is a seat nobody holds, a
 * trainer's token needs the secret, observers leave no ghosts, and a catch-up is what
 * was missed, never more than a connection may have waiting.
 */
class SeatsTest {
    private static final int SLOW_READER_LIMIT = ServerConfig.Limits.defaults().outboundBufferBytes();

    @Test
    void aTrainersTokenTakesTheSeatBackOnlyWithTheSecret() throws Exception {
        try (ServerFixture f = new ServerFixture()) {
            String token;
            try (Wire trainer = Wire.connect("trainer", f.port(), f.server.trainerSecret())) {
                token = create(trainer, "tiny").getResumeToken();
            }
            try (Wire thief = Wire.connect("thief", f.port(), null)) {
                ServerMessage refused = resume(thief, token);
                assertThat(refused.getError().getCode()).isEqualTo(ErrorCode.NOT_AUTHENTICATED);
                assertThat(refused.getError().getMessage()).contains("trainer secret");
                // and it is not in the session: a trainer's command is refused as from no one
                assertThat(thief.request(cmd().setRotateJoinCode(RotateJoinCode.getDefaultInstance())).getError().getCode())
                        .isEqualTo(ErrorCode.NOT_IN_SESSION);
            }
            try (Wire trainer = Wire.connect("trainer again", f.port(), f.server.trainerSecret())) {
                assertThat(ok(resume(trainer, token)).getSessionJoined().getRole()).isEqualTo(Role.TRAINER);
            }
        }
    }

    @Test
    void coTrainersSitSideBySideAndEachComesBackToItsOwnSeat() throws Exception {
        try (ServerFixture f = new ServerFixture()) {
            String secret = f.server.trainerSecret();
            try (Wire first = Wire.connect("first", f.port(), secret)) {
                SessionJoined created = create(first, "tiny");
                String code = created.getJoinCode();
                SessionJoined second;
                try (Wire other = Wire.connect("second", f.port(), secret); Wire sarah = Wire.connect("sarah", f.port(), secret)) {
                    second = attach(other, code, "");
                    assertThat(second.getParticipantId()).isNotEqualTo(created.getParticipantId());
                    assertThat(second.getResumed()).isFalse();
                    attach(sarah, code, "Sarah");
                    assertThat(nameOf(first, second.getParticipantId())).isEqualTo("Trainer 2");
                    acked(sarah, cmd().setSay(Say.newBuilder().setText("Welcome, everyone")));
                    Talk said = first.await(m -> m.hasTalk() && m.getTalk().getText().equals("Welcome, everyone")).getTalk();
                    assertThat(said.getFromName()).as("a trainer talks under its /who name").isEqualTo("Sarah");
                    // Sarah's name is taken while she is connected
                    try (Wire impostor = Wire.connect("impostor", f.port(), secret)) {
                        ServerMessage refused = impostor.request(cmd().setAttachTrainer(
                                AttachTrainer.newBuilder().setJoinCode(code).setDisplayName("sarah")));
                        assertThat(refused.getError().getCode()).isEqualTo(ErrorCode.NAME_TAKEN);
                    }
                }
                // The second trainer quit; attaching again without a name gives it its own seat back.
                first.await(m -> m.hasParticipant() && m.getParticipant().getChange() == ParticipantEvent.Change.LEFT
                        && m.getParticipant().getParticipant().getParticipantId().equals(second.getParticipantId()));
                try (Wire again = Wire.connect("second again", f.port(), secret)) {
                    SessionJoined back = attach(again, code, "");
                    assertThat(back.getParticipantId()).isEqualTo(second.getParticipantId());
                    assertThat(back.getResumed()).isTrue();
                }
            }
        }
    }

    @Test
    void aNameIsTheSeatWhileNobodyHoldsIt() throws Exception {
        try (ServerFixture f = new ServerFixture(); Wire trainer = Wire.connect("trainer", f.port(), f.server.trainerSecret())) {
            String code = create(trainer, "tiny").getJoinCode();
            SessionJoined ann;
            try (Wire first = Wire.connect("ann", f.port(), null)) {
                ann = join(first, code, "Ann", "manager");
                try (Wire other = Wire.connect("other", f.port(), null)) {
                    ServerMessage taken = other.request(cmd().setJoin(Join.newBuilder().setJoinCode(code).setDisplayName(" ann ")));
                    assertThat(taken.getError().getCode()).isEqualTo(ErrorCode.NAME_TAKEN);
                    assertThat(taken.getError().getMessage()).contains("connected now");
                }
            }
            trainer.await(m -> m.hasParticipant() && m.getParticipant().getChange() == ParticipantEvent.Change.LEFT);
            try (Wire again = Wire.connect("ann again", f.port(), null)) {
                SessionJoined back = join(again, code, "Ann", "");
                assertThat(back.getParticipantId()).isEqualTo(ann.getParticipantId());
                assertThat(back.getCharacterId()).isEqualTo("manager");
                assertThat(back.getResumed()).isTrue();
                // the token of the seat before no longer works: the seat has a new one
                try (Wire stale = Wire.connect("stale", f.port(), null)) {
                    assertThat(resume(stale, ann.getResumeToken()).getError().getCode()).isEqualTo(ErrorCode.UNKNOWN_SESSION);
                }
                assertThat(connectedIn(trainer, "Ann")).isTrue();
            }
        }
    }

    @Test
    void observersWhoLeaveLeaveNoGhostsAndDoNotFillTheSession() throws Exception {
        ServerConfig.Limits limits = withCap(5);
        try (ServerFixture f = new ServerFixture(Files.createTempDirectory("drama-seats"), limits);
             Wire trainer = Wire.connect("trainer", f.port(), f.server.trainerSecret())) {
            String code = create(trainer, "tiny").getJoinCode();
            int cycles = 30;
            for (int i = 1; i <= cycles; i++) {
                String name = "Ghost " + i;
                try (Wire ghost = Wire.connect(name, f.port(), null)) {
                    watch(ghost, code, name);
                }
                trainer.await(m -> m.hasParticipant() && m.getParticipant().getChange() == ParticipantEvent.Change.LEFT
                        && m.getParticipant().getParticipant().getDisplayName().equals(name));
            }
            // the cap (5, with the trainer) still has room for three real trainees and a watcher
            for (String name : List.of("Ann", "Bob", "Cat")) {
                try (Wire w = Wire.connect(name, f.port(), null)) {
                    join(w, code, name, "");
                }
            }
            try (Wire watcher = Wire.connect("watcher", f.port(), null)) {
                assertThat(watch(watcher, code, "").getResumed()).isFalse();
                List<Participant> who = watcher.await(ServerMessage::hasSessionState).getSessionState().getParticipantsList();
                assertThat(who).extracting(Participant::getDisplayName).containsExactly("Trainer", "Ann", "Bob", "Cat", "Observer");
                System.out.println("observer ghosts: " + cycles + " watch/leave cycles, then 3 trainees and an observer joined "
                        + "a session capped at 5; /who lists " + who.size() + " and no ghost");
            }
        }
    }

    @Test
    void aCatchUpIsWhatWasMissedSinceTheLastEventSeen() throws Exception {
        try (ServerFixture f = new ServerFixture(Files.createTempDirectory("drama-seats"), unhurried(2_000));
             Wire trainer = Wire.connect("trainer", f.port(), f.server.trainerSecret());
             Wire union = Wire.connect("union", f.port(), null)) {
            String code = create(trainer, "tiny").getJoinCode();
            join(union, code, "Uma", "union");
            String token;
            long lastSeen;
            try (Wire manager = Wire.connect("manager", f.port(), null)) {
                token = join(manager, code, "Mo", "manager").getResumeToken();
                advance(trainer, Phase.BRIEFING);
                advance(trainer, Phase.NEGOTIATION);
                String speech = " - and the staff will not stand for another year of this. ".repeat(6);
                for (int i = 1; i <= 50; i++) {
                    acked(union, cmd().setSay(Say.newBuilder().setText("before " + i + speech)));
                }
                lastSeen = manager.await(m -> m.hasTalk() && m.getTalk().getText().startsWith("before 50 ")).getSeq();
            }
            trainer.await(m -> m.hasParticipant() && m.getParticipant().getChange() == ParticipantEvent.Change.LEFT);
            for (int i = 1; i <= 3; i++) {
                acked(union, cmd().setSay(Say.newBuilder().setText("missed " + i)));
            }
            acked(union, cmd().setTell(Tell.newBuilder().addToCharacterIds("manager").setText("missed, privately")));
            try (Wire manager = Wire.connect("manager again", f.port(), null)) {
                ServerMessage back = manager.request(cmd().setResume(Resume.newBuilder().setResumeToken(token).setLastSeq(lastSeen)));
                assertThat(ok(back).getSessionJoined().getResumed()).isTrue();
                List<ServerMessage> catchUp = catchUp(manager);
                List<String> talk = catchUp.stream().filter(ServerMessage::hasTalk).map(m -> m.getTalk().getText()).toList();
                assertThat(talk).containsExactly("missed 1", "missed 2", "missed 3", "missed, privately");
                CatchUp end = catchUp.get(catchUp.size() - 1).getCatchUp();
                assertThat(end.getEvents()).isEqualTo(4);
                assertThat(end.getNotShown()).isZero();
                // its briefing comes with it (the console keeps it; it shows one line)
                assertThat(catchUp).anyMatch(m -> m.hasBriefing() && m.getBriefing().getCharacterId().equals("manager"));
                List<ServerMessage> replay = replayOfEverythingKept(manager, catchUp);
                System.out.printf("catch-up after a reconnect (50 events seen, 4 missed): before %d events, %,d bytes "
                                + "(the whole kept history replayed); after %d events, %,d bytes (state, then only what was missed)%n",
                        replay.size(), bytes(replay), catchUp.size(), bytes(catchUp));
                assertThat(bytes(catchUp)).isLessThan(bytes(replay) / 2);
            }
        }
    }

    @Test
    void aFloodOfPrivateTalkNeverMakesAResumeBiggerThanAConnectionMayHaveWaiting() throws Exception {
        // The talk budgets now refuse such a flood long before; without them, the catch-up's own bound still holds.
        ServerConfig.Defences d = ServerConfig.Defences.defaults();
        ServerConfig.Defences noBudget = new ServerConfig.Defences(d.failedLookupsPerAddressPerMinute(),
                d.failedLookupsPerMinute(), d.refusalsPerWindow(), d.refusalWindow(), d.frameDeadline(),
                d.trainerMaxFrameBytes(), Integer.MAX_VALUE, Integer.MAX_VALUE, d.logLinesPerAddressPerSecond());
        try (ServerFixture f = new ServerFixture(Files.createTempDirectory("drama-seats"), unhurried(20_000), noBudget);
             Wire trainer = Wire.connect("trainer", f.port(), f.server.trainerSecret());
             Wire union = Wire.connect("union", f.port(), null)) {
            String code = create(trainer, "tiny").getJoinCode();
            join(union, code, "Uma", "union");
            String token;
            try (Wire victim = Wire.connect("victim", f.port(), null)) {
                token = join(victim, code, "Mo", "manager").getResumeToken();
                advance(trainer, Phase.BRIEFING);
                advance(trainer, Phase.NEGOTIATION);
            }
            trainer.await(m -> m.hasParticipant() && m.getParticipant().getChange() == ParticipantEvent.Change.LEFT);
            String flood = "x".repeat(20_000);
            int tells = 300;
            for (int i = 0; i < tells; i++) {
                acked(union, cmd().setTell(Tell.newBuilder().addToCharacterIds("manager").setText(flood)));
            }
            try (Wire victim = Wire.connect("victim again", f.port(), null)) {
                ok(resume(victim, token));
                List<ServerMessage> catchUp = catchUp(victim);
                CatchUp end = catchUp.get(catchUp.size() - 1).getCatchUp();
                assertThat(bytes(catchUp)).isLessThan(SLOW_READER_LIMIT / 2);
                assertThat(end.getNotShown()).isPositive();
                assertThat(end.getEvents() + end.getNotShown()).isEqualTo(tells);
                // /history pages back through the rest, each page within the same bound
                List<ServerMessage> replay = replayOfEverythingKept(victim, catchUp);
                assertThat(victim.closedByServer()).isFalse();
                assertThat(ok(board(victim)).hasBoard()).as("still connected and served").isTrue();
                System.out.printf("catch-up after %d private tells of 20 KB: before %d events, %,d bytes (the whole kept "
                                + "history, over the %,d-byte slow-reader limit); after %d events, %,d bytes (%d shown, %d left to /history)%n",
                        tells, replay.size(), bytes(replay), SLOW_READER_LIMIT, catchUp.size(), bytes(catchUp),
                        end.getEvents(), end.getNotShown());
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private static ServerConfig.Limits withCap(int maxParticipants) {
        ServerConfig.Limits d = ServerConfig.Limits.defaults();
        return new ServerConfig.Limits(d.maxFrameBytes(), d.maxTextChars(), d.commandsPerSecond(), d.commandBurst(),
                d.offersPerMinute(), d.maxSessions(), maxParticipants, d.maxConnectionsPerAddress(), d.outboundBufferBytes());
    }

    /** The default limits, but no command rate to wait for, and talk up to {@code maxTextChars} (the flood of issue 11). */
    private static ServerConfig.Limits unhurried(int maxTextChars) {
        ServerConfig.Limits d = ServerConfig.Limits.defaults();
        return new ServerConfig.Limits(d.maxFrameBytes(), maxTextChars, 100_000, 100_000, d.offersPerMinute(),
                d.maxSessions(), d.maxParticipantsPerSession(), d.maxConnectionsPerAddress(), d.outboundBufferBytes());
    }

    private static SessionJoined attach(Wire w, String code, String name) throws IOException {
        return ok(w.request(cmd().setAttachTrainer(AttachTrainer.newBuilder().setJoinCode(code).setDisplayName(name))))
                .getSessionJoined();
    }

    private static String nameOf(Wire w, String participantId) {
        return w.await(m -> m.hasParticipant() && m.getParticipant().getParticipant().getParticipantId().equals(participantId))
                .getParticipant().getParticipant().getDisplayName();
    }

    private static boolean connectedIn(Wire w, String name) {
        return w.await(m -> m.hasParticipant() && m.getParticipant().getChange() == ParticipantEvent.Change.BACK
                && m.getParticipant().getParticipant().getDisplayName().equals(name)).getParticipant().getParticipant().getConnected();
    }

    /** What came after the last SessionJoined, up to and with the CatchUp that closes it. */
    private static List<ServerMessage> catchUp(Wire w) {
        w.await(ServerMessage::hasCatchUp);
        List<ServerMessage> all = w.received();
        int start = 0;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).hasSessionJoined()) {
                start = i;
            }
        }
        List<ServerMessage> out = new ArrayList<>();
        for (int i = start; i < all.size(); i++) {
            out.add(all.get(i));
            if (all.get(i).hasCatchUp()) {
                break;
            }
        }
        return out;
    }

    /**
     * What a resume sent before catch-ups were bounded: the same state, then every kept
     * event the participant may see (paged here through /history, which is how a console gets them now).
     */
    private static List<ServerMessage> replayOfEverythingKept(Wire w, List<ServerMessage> catchUp) throws IOException {
        List<ServerMessage> replay = new ArrayList<>(catchUp.stream().filter(m -> m.getSeq() == 0 && !m.hasCatchUp()).toList());
        long before = 0;
        List<ServerMessage> events = new ArrayList<>();
        while (true) {
            HistoryPage page = ok(w.request(cmd().setGetHistory(GetHistory.newBuilder().setBeforeSeq(before)))).getHistory();
            assertThat(page.getSerializedSize()).isLessThan(SLOW_READER_LIMIT / 2);
            events.addAll(0, page.getEventsList());
            if (page.getEarlier() == 0 || page.getEventsCount() == 0) {
                break;
            }
            before = page.getFirstSeq();
        }
        replay.addAll(events);
        return replay;
    }

    private static int bytes(List<ServerMessage> messages) {
        return messages.stream().mapToInt(ServerMessage::getSerializedSize).sum();
    }
}
