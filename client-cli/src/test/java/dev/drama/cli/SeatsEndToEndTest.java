package dev.drama.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drama.cli.files.UserFiles;
import dev.drama.proto.AttachTrainer;
import dev.drama.proto.ClientMessage;
import dev.drama.proto.Join;
import dev.drama.proto.Participant;
import dev.drama.proto.Role;
import dev.drama.proto.ServerMessage;
import dev.drama.proto.SessionJoined;
import dev.drama.server.DramaServer;
import dev.drama.server.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seats that come back (issue 10), through the real server and real scripted consoles:
 * a trainer who quits attaches again to its own seat (also after a server restart), two
 * trainer consoles sit at once, and a trainee who quits joins again under its name and
 * finds its character, briefing, offers and talk, caught up with only what it missed.
 */
class SeatsEndToEndTest {
    @TempDir
    Path temp;

    private DramaServer server;
    private ServerAddress address;

    @BeforeEach
    void start() {
        server = startOn(0);
        address = new ServerAddress();
        address.host = "127.0.0.1";
        address.port = server.port();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private DramaServer startOn(int port) {
        return DramaServer.start(ServerConfig.defaults().toBuilder().host("127.0.0.1").port(port)
                // no browser views: a restart reuses the game port, and the port beside it may be taken meanwhile
                .httpPort(ServerConfig.HTTP_DISABLED).dataDir(temp.resolve("data")).build());
    }

    private ScriptedClient trainer(String attachCode, String name) {
        ClientMessage opening = attachCode == null ? null : ClientMessage.newBuilder()
                .setAttachTrainer(AttachTrainer.newBuilder().setJoinCode(attachCode).setDisplayName(name)).build();
        return new ScriptedClient(new ConsoleLauncher.Spec(address, true, Role.TRAINER, server.trainerSecret(),
                opening, "train", name, null));
    }

    private ScriptedClient trainee(String code, String name, String character, UserFiles files) {
        ClientMessage join = ClientMessage.newBuilder().setJoin(Join.newBuilder().setJoinCode(code)
                .setDisplayName(name).setCharacterId(character)).build();
        return new ScriptedClient(new ConsoleLauncher.Spec(address, true, Role.TRAINEE, null, join, "join", name, files));
    }

    private static void quit(ScriptedClient console) throws Exception {
        console.type("/quit");
        assertThat(console.exit().get(30, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void aTrainerWhoQuitsAttachesAgainToItsOwnSeatBesideACoTrainerAndAfterARestart() throws Exception {
        ScriptedClient first = trainer(null, "");
        first.type("/new scrutiny");
        SessionJoined created = first.awaitMessage(ServerMessage::hasSessionJoined).getSessionJoined();
        String code = created.getJoinCode();
        ScriptedClient ann = trainee(code, "Ann", "chair", null);
        ann.awaitMessage(ServerMessage::hasSessionJoined);
        quit(first);

        ScriptedClient back = trainer(code, "");
        SessionJoined again = back.awaitMessage(ServerMessage::hasSessionJoined).getSessionJoined();
        assertThat(again.getParticipantId()).isEqualTo(created.getParticipantId());
        assertThat(again.getResumed()).isTrue();
        back.awaitMessage(ServerMessage::hasCatchUp);

        ScriptedClient coTrainer = trainer(code, "Sarah");
        coTrainer.awaitMessage(ServerMessage::hasCatchUp);
        List<Participant> who = coTrainer.awaitMessage(ServerMessage::hasSessionState).getSessionState().getParticipantsList();
        assertThat(who).extracting(p -> p.getDisplayName() + (p.getConnected() ? "" : " (left)"))
                .containsExactly("Trainer", "Ann", "Sarah");
        ann.type("/say Two trainers today?");
        back.awaitMessage(m -> m.hasTalk() && m.getTalk().getText().equals("Two trainers today?"));
        coTrainer.awaitMessage(m -> m.hasTalk() && m.getTalk().getText().equals("Two trainers today?"));
        coTrainer.type("/say Yes: I am Sarah.");
        ServerMessage said = ann.awaitMessage(m -> m.hasTalk() && m.getTalk().getText().equals("Yes: I am Sarah."));
        assertThat(said.getTalk().getFromName()).isEqualTo("Sarah");

        // The trainer quits again, the server restarts (the other consoles reconnect by themselves),
        // and the trainer attaches again, to the same seat.
        quit(back);
        int port = server.port();
        server.close();
        server = startOn(port);
        ScriptedClient afterRestart = trainer(code, "");
        SessionJoined restarted = afterRestart.awaitMessage(ServerMessage::hasSessionJoined).getSessionJoined();
        assertThat(restarted.getParticipantId()).isEqualTo(created.getParticipantId());
        assertThat(restarted.getRole()).isEqualTo(Role.TRAINER);
        for (ScriptedClient c : List.of(coTrainer, ann, afterRestart)) {
            c.endInput();
        }
        assertThat(afterRestart.exit().get(30, TimeUnit.SECONDS)).isZero();
        assertThat(afterRestart.lines()).noneMatch(l -> l.startsWith("{\"localError\""));
    }

    @Test
    void aTraineeWhoQuitsJoinsAgainByNameAndHasEverythingBack() throws Exception {
        UserFiles annsFiles = new UserFiles(temp.resolve("ann-home/.drama"));
        ScriptedClient trainer = trainer(null, "");
        trainer.type("/new scrutiny");
        String code = trainer.awaitMessage(ServerMessage::hasSessionJoined).getSessionJoined().getJoinCode();
        ScriptedClient ann = trainee(code, "Ann", "chair", annsFiles);
        SessionJoined first = ann.awaitMessage(ServerMessage::hasSessionJoined).getSessionJoined();
        ScriptedClient bob = trainee(code, "Bob", "cabinet", null);
        bob.awaitMessage(ServerMessage::hasSessionJoined);
        trainer.type("/phase briefing", "/phase negotiation");
        bob.type("/wait-for sessionState NEGOTIATION", "/offer chair ask callin=no promise wards=yes",
                "/tell chair Between us: the whip is off.");
        ann.awaitMessage(m -> m.hasTalk() && m.getTalk().getPrivate());
        ann.awaitMessage(m -> m.hasOffer());
        quit(ann);

        // Ann's token is kept for her alone.
        Path tokens = annsFiles.root().resolve("tokens");
        assertThat(Files.getPosixFilePermissions(tokens)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        try (var kept = Files.list(tokens)) {
            Path file = kept.findFirst().orElseThrow();
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }

        bob.type("/say Ann has stepped out; we carry on.");
        trainer.awaitMessage(m -> m.hasTalk() && m.getTalk().getText().startsWith("Ann has stepped out"));

        ScriptedClient again = trainee(code, "Ann", "", annsFiles);
        SessionJoined back = again.awaitMessage(ServerMessage::hasSessionJoined).getSessionJoined();
        assertThat(back.getParticipantId()).isEqualTo(first.getParticipantId());
        assertThat(back.getCharacterId()).isEqualTo("chair");
        assertThat(back.getResumed()).isTrue();
        again.awaitMessage(ServerMessage::hasCatchUp);
        List<ServerMessage> caughtUp = again.messages();
        assertThat(caughtUp).anyMatch(m -> m.hasBriefing() && m.getBriefing().getCharacterId().equals("chair"));
        assertThat(caughtUp).anyMatch(m -> m.hasOffer() && m.getOffer().getOffer().getOfferId().equals("o1"));
        assertThat(caughtUp).filteredOn(ServerMessage::hasTalk).extracting(m -> m.getTalk().getText())
                .as("only what was missed").containsExactly("Ann has stepped out; we carry on.");
        assertThat(caughtUp.stream().filter(ServerMessage::hasCatchUp).findFirst().orElseThrow().getCatchUp().getEvents())
                .isEqualTo(1);
        // the private talk from before is there on /history
        again.type("/history");
        ServerMessage history = again.awaitMessage(ServerMessage::hasHistory);
        assertThat(history.getHistory().getEventsList()).anyMatch(m -> m.hasTalk()
                && m.getTalk().getText().equals("Between us: the whip is off."));
        quit(again);

        // Without the kept token (another machine), the name alone takes the seat back while nobody holds it.
        ScriptedClient byName = trainee(code, "Ann", "", null);
        SessionJoined seat = byName.awaitMessage(ServerMessage::hasSessionJoined).getSessionJoined();
        assertThat(seat.getParticipantId()).isEqualTo(first.getParticipantId());
        // ... and while it is held, the name is taken
        ScriptedClient impostor = trainee(code, "Ann", "", null);
        await().atMost(Duration.ofSeconds(20)).until(() -> impostor.exit().isDone());
        assertThat(impostor.exit().get()).isEqualTo(2);
        assertThat(impostor.messages()).anyMatch(m -> m.hasError() && m.getError().getMessage().contains("connected now"));
        for (ScriptedClient c : List.of(trainer, bob, byName)) {
            c.endInput();
        }
    }
}
