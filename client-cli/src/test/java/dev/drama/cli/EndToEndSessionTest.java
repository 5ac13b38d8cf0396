package dev.drama.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drama.proto.ClientMessage;
import dev.drama.proto.Offer;
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
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server on a free port, a trainer console, three trainee consoles and an
 * observer, all scripted and in-process, through a short negotiation on the tiny pack;
 * then what each one saw is checked against who may see what.
 */
class EndToEndSessionTest {
    @TempDir
    Path temp;

    private LocalServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = new LocalServer(temp, yaml -> yaml);
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private ScriptedClient trainee(String code, String name, String character, String script) {
        return server.trainee(code, name, character, script);
    }

    @Test
    void aTrainerThreeTraineesAndAnObserverEachSeeWhatTheyMay() throws Exception {
        ScriptedClient trainer = server.trainer();
        trainer.type("/new tiny");
        String code = trainer.awaitMessage(ServerMessage::hasSessionJoined).getSessionJoined().getJoinCode();

        ScriptedClient manager = trainee(code, "Priya", "manager", """
                /wait-for sessionState NEGOTIATION --timeout 30
                /position late=yes overtime=yes
                /offer union ask refuse=no promise overtime=yes threat late=no note "Let us settle this tonight"
                /tell carers Off the record: a trial may be possible.
                /wait-for offer ACCEPTED --timeout 20
                /wait-for talk Agreed --timeout 20
                """);
        ScriptedClient union = trainee(code, "Ann", "union", """
                /wait-for sessionState NEGOTIATION --timeout 30
                /wait-for offer o1 --timeout 20
                /accept o1
                /say Agreed, if the overtime is real.
                /wait-for talk Agreed --timeout 5
                """);
        ScriptedClient carers = trainee(code, "Tom", "carers", """
                /wait-for sessionState NEGOTIATION --timeout 30
                /wait-for talk trial --timeout 20
                /undoubt manager
                /offer union ask protest=no
                /wait-for talk Agreed --timeout 20
                """);
        ScriptedClient observer = new ScriptedClient(new ConsoleLauncher.Spec(server.address(), true, Role.OBSERVER, null,
                ClientMessage.newBuilder().setWatch(Watch.newBuilder().setJoinCode(code).setDisplayName("Assessor"))
                        .build(), "watch"));
        observer.type("/wait-for talk Agreed --timeout 30", "/say may I?");

        await().atMost(Duration.ofSeconds(30)).until(() -> Set.of("Priya", "Ann", "Tom", "Assessor")
                .stream().allMatch(name -> trainer.lines().stream().anyMatch(l -> l.contains("\"displayName\":\"" + name + "\""))));
        trainer.type("/phase briefing", "/phase negotiation");

        for (ScriptedClient player : List.of(manager, union, carers)) {
            assertEquals(0, player.exit().get(60, TimeUnit.SECONDS));
        }
        observer.endInput();
        assertEquals(0, observer.exit().get(30, TimeUnit.SECONDS));
        trainer.type("/export md " + temp.resolve("debrief.md"), "/quit");
        trainer.endInput();
        assertEquals(0, trainer.exit().get(30, TimeUnit.SECONDS));

        // nobody waited in vain
        for (ScriptedClient console : List.of(manager, union, carers, observer, trainer)) {
            assertTrue(console.lines().stream().noneMatch(l -> l.contains("timed out")), console.lines().toString());
        }

        // each trainee got its own briefing and never another's; the trainer got all three
        assertEquals(Set.of("manager"), briefings(manager));
        assertEquals(Set.of("union"), briefings(union));
        assertEquals(Set.of("carers"), briefings(carers));
        assertEquals(Set.of(), briefings(observer));
        assertEquals(Set.of("manager", "union", "carers"), briefings(trainer));

        // the offer reached its sender, its recipient and the trainer only
        assertTrue(sawOffer(manager, "o1", Offer.Status.ACCEPTED));
        assertTrue(sawOffer(union, "o1", Offer.Status.PENDING));
        assertTrue(sawOffer(trainer, "o1", Offer.Status.ACCEPTED));
        assertTrue(!sawOffer(carers, "o1", Offer.Status.PENDING) && !sawOffer(observer, "o1", Offer.Status.PENDING));

        // the carers' offer asks for their own option: refused by the client, nothing sent
        assertTrue(carers.lines().contains("{\"localError\":\"ask: protest belongs to carers, who is not among those"
                + " the offer is for (union)\"}"), carers.lines().toString());

        // private talk reached the speaker, the addressee and the trainer only; public talk reached everyone
        String whisper = "a trial may be possible";
        assertTrue(saidTo(manager, whisper) && saidTo(carers, whisper) && saidTo(trainer, whisper));
        assertTrue(!saidTo(union, whisper) && !saidTo(observer, whisper));
        for (ScriptedClient console : List.of(manager, union, carers, observer, trainer)) {
            assertTrue(saidTo(console, "Agreed, if the overtime is real."));
        }

        // dilemmas: each player hears only of its own; the trainer of everyone's; the observer of none
        assertEquals(Set.of("manager"), dilemmaHolders(manager));
        assertEquals(Set.of("union"), dilemmaHolders(union));
        assertEquals(Set.of("carers"), dilemmaHolders(carers));
        assertEquals(Set.of(), dilemmaHolders(observer));
        assertEquals(Set.of("manager", "union", "carers"), dilemmaHolders(trainer));

        // the observer may not speak; the trainer's debrief was saved
        assertTrue(observer.lines().contains("{\"localError\":\"observers can only watch: /say is not available\"}"));
        assertTrue(Files.readString(temp.resolve("debrief.md")).contains("Late Opening"));
    }

    private static Set<String> briefings(ScriptedClient console) {
        return console.messages().stream().filter(ServerMessage::hasBriefing)
                .map(m -> m.getBriefing().getCharacterId()).collect(Collectors.toSet());
    }

    private static boolean sawOffer(ScriptedClient console, String id, Offer.Status status) {
        return console.messages().stream().anyMatch(m -> m.hasOffer()
                && m.getOffer().getOffer().getOfferId().equals(id) && m.getOffer().getOffer().getStatus() == status);
    }

    private static boolean saidTo(ScriptedClient console, String text) {
        return console.messages().stream().anyMatch(m -> m.hasTalk() && m.getTalk().getText().contains(text));
    }

    private static Set<String> dilemmaHolders(ScriptedClient console) {
        return console.messages().stream().filter(ServerMessage::hasDilemma)
                .map(m -> m.getDilemma().getDilemma().getHolderId()).collect(Collectors.toSet());
    }
}
