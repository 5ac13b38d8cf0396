package dev.drama.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drama.proto.ClientMessage;
import dev.drama.proto.ErrorCode;
import dev.drama.proto.Offer;
import dev.drama.proto.Phase;
import dev.drama.proto.Role;
import dev.drama.proto.ServerMessage;
import dev.drama.proto.Watch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server and real scripted consoles: two trainees play the tiny pack's manager and
 * union; nobody plays the carers, so the trainer plays them with /as, every kind of move.
 * The pack's inject is timed at the start of the negotiation, so the trainer's reminder
 * comes at once. Then the reveal, which waits for the trainer, and the debrief on demand.
 */
class TrainerPlaysEndToEndTest {
    private static final String SECRET_NOTE = "carers' secret note";

    @TempDir
    Path temp;

    private LocalServer server;

    @BeforeEach
    void startServer() throws IOException {
        // the pack's inject is suggested at the start of the negotiation, so its reminder comes at once
        server = new LocalServer(temp, yaml -> yaml.replace("at: \"negotiation+15\"", "at: \"negotiation\""));
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theTrainerPlaysAnUnplayedCharacterThenTheRevealWaitsForTheDebrief() throws Exception {
        ScriptedClient trainer = server.trainer();
        trainer.type("/new tiny");
        String code = trainer.awaitMessage(ServerMessage::hasSessionJoined).getSessionJoined().getJoinCode();

        ScriptedClient manager = server.trainee(code, "Priya", "manager", """
                /wait-for sessionState NEGOTIATION --timeout 30
                /offer carers ask protest=no promise late=yes
                /wait-for notice "nobody plays" --timeout 10
                /wait-for offer ACCEPTED --timeout 30
                /offer carers ask protest=no promise overtime=yes
                /wait-for offer REJECTED --timeout 30
                /offer carers ask protest=no promise overtime=no
                /wait-for offer o4 --timeout 30
                /wait-for sessionState MOMENT_OF_TRUTH --timeout 60
                /wait-for commitment carers --timeout 30
                /commit late=yes overtime=no
                /wait-for outcome --timeout 30
                /wait-for debriefSummary --timeout 60
                /debrief
                """);
        ScriptedClient union = server.trainee(code, "Ann", "union", """
                /wait-for sessionState NEGOTIATION --timeout 30
                /wait-for offer o5 --timeout 60
                /wait-for sessionState MOMENT_OF_TRUTH --timeout 60
                /wait-for commitment carers --timeout 30
                /commit refuse=no
                /wait-for outcome --timeout 30
                /wait-for debriefSummary --timeout 60
                /debrief
                """);
        ScriptedClient observer = new ScriptedClient(new ConsoleLauncher.Spec(server.address(), true, Role.OBSERVER, null,
                ClientMessage.newBuilder().setWatch(Watch.newBuilder().setJoinCode(code).setDisplayName("Assessor"))
                        .build(), "watch"));
        observer.script("""
                /wait-for debriefSummary --timeout 90
                /debrief
                """);

        await().atMost(Duration.ofSeconds(30)).until(() -> Set.of("Priya", "Ann", "Assessor").stream()
                .allMatch(name -> trainer.lines().stream().anyMatch(l -> l.contains("\"displayName\":\"" + name + "\""))));
        trainer.type("/phase briefing", "/phase negotiation",
                "/wait-for notice \"suggested now\" --timeout 10",
                "/injects",
                "/as union say I am not yours to play",
                "/as carers position late=yes protest=no",
                "/as carers intend protest=no",
                "/as carers doubt manager",
                "/as carers undoubt manager",
                "/as carers say We will wait for the council.",
                "/as carers tell manager Off the record: we might not protest.",
                "/wait-for offer o1 --timeout 30",
                "/wait-for notice \"whom nobody plays\" --timeout 10",
                "/as carers accept o1",
                "/wait-for offer o2 --timeout 30",
                "/as carers reject o2",
                "/wait-for offer o3 --timeout 30",
                "/as carers counter o3 ask late=yes promise protest=no note \"" + SECRET_NOTE + "\"",
                "/as carers offer union ask refuse=no promise protest=no",
                "/as carers withdraw o5",
                "/inject petition",
                "/phase moment",
                "/as carers commit protest=no",
                "/wait-for outcome --timeout 60",
                "/sleep 300",
                "/phase debrief",
                "/wait-for debriefSummary --timeout 10",
                "/export md " + temp.resolve("debrief.md"),
                "/export json " + temp.resolve("debrief.json"),
                "/quit");
        trainer.endInput();

        for (ScriptedClient console : List.of(manager, union, observer, trainer)) {
            assertEquals(0, console.exit().get(120, TimeUnit.SECONDS));
        }
        for (ScriptedClient console : List.of(manager, union, observer, trainer)) {
            assertTrue(console.lines().stream().noneMatch(l -> l.contains("timed out")), console.lines().toString());
        }

        // a played character is not the trainer's: refused, with its player named
        ServerMessage taken = first(trainer, m -> m.hasError() && m.getError().getCode() == ErrorCode.CHARACTER_TAKEN);
        assertTrue(taken.getError().getMessage().contains("Ann Price is played by Ann"), taken.toString());
        assertEquals(1, trainer.messages().stream().filter(ServerMessage::hasError).count(), trainer.lines().toString());

        // every /as move reached the others as the carers' own
        assertTrue(manager.messages().stream().anyMatch(m -> m.hasTalk() && m.getTalk().getFromCharacterId().equals("carers")
                && m.getTalk().getText().equals("We will wait for the council.")));
        assertTrue(manager.messages().stream().anyMatch(m -> m.hasTalk() && m.getTalk().getPrivate()
                && m.getTalk().getFromCharacterId().equals("carers")));
        assertFalse(union.messages().stream().anyMatch(m -> m.hasTalk() && m.getTalk().getPrivate()));
        assertTrue(sawOffer(manager, "o1", Offer.Status.ACCEPTED, "carers"));
        assertTrue(sawOffer(manager, "o2", Offer.Status.REJECTED, "carers"));
        assertTrue(sawOffer(manager, "o3", Offer.Status.COUNTERED, "carers"));
        assertTrue(sawOffer(manager, "o4", Offer.Status.PENDING, "carers"));
        assertTrue(sawOffer(union, "o5", Offer.Status.WITHDRAWN, "carers"));
        assertTrue(trainer.messages().stream().anyMatch(m -> m.hasBoardDelta() && m.getBoardDelta().getStancesList().stream()
                .anyMatch(s -> s.getCharacterId().equals("carers") && s.getDoubtsCount() == 0)
                && m.getBoardDelta().getChangedBy().equals("carers")));

        // the offer to an unplayed character: its sender is told, trainers are reminded, nobody else hears
        assertTrue(manager.messages().stream().anyMatch(m -> m.hasNotice()
                && m.getNotice().getText().equals("nobody plays Tom Bell: the trainer will answer offer o1")));
        assertTrue(trainer.messages().stream().anyMatch(m -> m.hasNotice() && m.getNotice().getTrainersOnly()
                && m.getNotice().getText().contains("/as carers accept|reject o1")));
        for (ScriptedClient other : List.of(manager, union, observer)) {
            assertFalse(other.messages().stream().anyMatch(m -> m.hasNotice() && m.getNotice().getTrainersOnly()),
                    other.lines().toString());
        }

        // the inject: reminded at its time, listed, and after it the preferences it changed
        assertTrue(trainer.messages().stream().anyMatch(m -> m.hasNotice()
                && m.getNotice().getText().startsWith("suggested now (negotiation): inject petition")));
        ServerMessage listed = trainer.messages().stream().filter(m -> m.hasInjects() && m.getRequestId() != 0)
                .findFirst().orElseThrow();
        assertEquals("petition", listed.getInjects().getInjects(0).getInjectId());
        assertEquals("negotiation", listed.getInjects().getInjects(0).getAt());
        assertTrue(listed.getInjects().getInjects(0).getDueEpochMs() > 0 && !listed.getInjects().getInjects(0).getSent());
        ServerMessage changed = first(manager, m -> m.hasBriefing() && !m.getBriefing().getPreferencesChangedBy().isEmpty());
        assertEquals("A petition with 400 signatures", changed.getBriefing().getPreferencesChangedBy());
        assertTrue(changed.getBriefing().getPreferencesList().stream().anyMatch(p -> p.contains("trial")),
                changed.getBriefing().getPreferencesList().toString());
        assertTrue(manager.messages().stream().anyMatch(m -> m.hasBoardDelta()
                && m.getBoardDelta().getPreferencesChanged().getIdsList().containsAll(List.of("manager", "carers"))));

        // each console hears of a commitment once: its own with the choices, others' without
        assertEquals(1, commitments(manager, "manager"));
        assertEquals(1, commitments(union, "manager"));
        assertEquals(1, commitments(trainer, "manager"));
        assertEquals(1, commitments(observer, "manager"));
        assertTrue(union.messages().stream().filter(m -> m.hasCommitment() && m.getCommitment().getCharacterId().equals("manager"))
                .allMatch(m -> m.getCommitment().getChoicesCount() == 0));

        // the reveal comes in the moment of truth, and the session waits there for the trainer
        for (ScriptedClient console : List.of(manager, union, observer)) {
            List<ServerMessage> seen = console.messages();
            int outcome = indexOf(seen, ServerMessage::hasOutcome);
            int debrief = indexOf(seen, m -> m.hasSessionState() && m.getSessionState().getPhase() == Phase.DEBRIEF);
            int summary = indexOf(seen, ServerMessage::hasDebriefSummary);
            assertTrue(outcome >= 0 && outcome < debrief && debrief < summary, console.lines().toString());
            // no debrief pushed onto the screen: only the one asked for
            assertEquals(1, seen.stream().filter(ServerMessage::hasDebrief).count());
            assertTrue(seen.stream().filter(ServerMessage::hasDebrief).allMatch(m -> m.getRequestId() != 0));
        }
        assertEquals(1, manager.messages().stream().filter(ServerMessage::hasOutcome).count());

        // the debrief: who really acted, the outcome option by option, private notes for trainers only
        String trainerMd = Files.readString(temp.resolve("debrief.md"));
        assertTrue(trainerMd.contains("Tom Bell (the trainer Trainer) accepted offer o1"), trainerMd);
        assertTrue(trainerMd.contains("Priya Nair (Priya) offers Tom Bell (o1)"), trainerMd);
        assertTrue(trainerMd.contains("- Open the centre until 8pm on weekdays (Priya Nair): yes"), trainerMd);
        assertTrue(trainerMd.contains(SECRET_NOTE), trainerMd);
        assertTrue(trainerMd.contains("changed by the inject \"A petition with 400 signatures\""), trainerMd);
        for (ScriptedClient console : List.of(manager, union, observer)) {
            String md = first(console, ServerMessage::hasDebrief).getDebrief().getContent();
            assertTrue(md.contains("Tom Bell (the trainer Trainer) offers Priya Nair (o4)"), md);
            assertFalse(md.contains(SECRET_NOTE), md);
            assertFalse(md.contains("we might not protest"), md);
        }
        String json = Files.readString(temp.resolve("debrief.json"));
        assertTrue(json.contains("\"actor\" : \"Trainer\""), json);
        assertTrue(json.contains("\"characters\" : [ \"carers\", \"manager\" ]"), json);
        assertTrue(json.contains("\"options\" : [ \"protest\", \"late\" ]"), json);
    }

    private static ServerMessage first(ScriptedClient console, Predicate<ServerMessage> wanted) {
        return console.messages().stream().filter(wanted).findFirst()
                .orElseThrow(() -> new AssertionError("not received: " + console.lines()));
    }

    private static int indexOf(List<ServerMessage> messages, Predicate<ServerMessage> wanted) {
        for (int i = 0; i < messages.size(); i++) {
            if (wanted.test(messages.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static long commitments(ScriptedClient console, String characterId) {
        return console.messages().stream()
                .filter(m -> m.hasCommitment() && m.getCommitment().getCharacterId().equals(characterId)).count();
    }

    private static boolean sawOffer(ScriptedClient console, String id, Offer.Status status, String by) {
        return console.messages().stream().anyMatch(m -> m.hasOffer() && m.getOffer().getOffer().getOfferId().equals(id)
                && m.getOffer().getOffer().getStatus() == status
                && (m.getOffer().getByCharacterId().equals(by) || m.getOffer().getOffer().getFromCharacterId().equals(by)));
    }
}
