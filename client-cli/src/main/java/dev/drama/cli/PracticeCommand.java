package dev.drama.cli;

import dev.drama.bots.Stance;
import dev.drama.cli.console.LineSource;
import dev.drama.cli.net.ConnectionListener;
import dev.drama.cli.net.ServerConnection;
import dev.drama.cli.render.JsonRenderer;
import dev.drama.cli.render.SafeText;
import dev.drama.proto.AdvancePhase;
import dev.drama.proto.CharacterView;
import dev.drama.proto.ClientMessage;
import dev.drama.proto.CreateSession;
import dev.drama.proto.ExportDebrief;
import dev.drama.proto.GetBoard;
import dev.drama.proto.Join;
import dev.drama.proto.ParticipantEvent;
import dev.drama.proto.Phase;
import dev.drama.proto.Role;
import dev.drama.proto.ServerMessage;
import dev.drama.proto.SetBot;
import dev.drama.server.DramaServer;
import dev.drama.server.ServerConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code drama practice PACK --as CHARACTER}: one trainee alone against computer-played
 * characters, from lobby to debrief. It starts a server of its own (or uses {@code --server}),
 * opens the session as its trainer behind the scenes, hands every other character to the
 * computer, seats the trainee, and moves the session on when the trainee types {@code /next}
 * (or the pack's clock runs out, or everyone has committed). At the end, or when the input
 * ends, it prints the whole debrief.
 */
@Command(name = "practice", mixinStandardHelpOptions = true,
        description = {"Practise a pack alone: you play one character, the computer plays the others.",
                "Type /next to move on (briefing -> negotiation -> moment of truth -> debrief); every player's command"
                        + " works as in a session. The whole debrief is printed at the end (Ctrl-D ends the practice early)."})
public final class PracticeCommand implements java.util.concurrent.Callable<Integer> {
    static final String NEXT = "/next";
    private static final long REPLY_SECONDS = 30;

    @Parameters(index = "0", paramLabel = "PACK", description = "the pack's id, e.g. community-safety")
    String pack;

    @Option(names = "--as", required = true, paramLabel = "CHARACTER", description = "the character you play")
    String character;

    @Option(names = "--stances", split = ",", paramLabel = "STANCE",
            description = {"the others' stances in board order, repeated as needed: realist, blusterer, appeaser, sceptic,"
                    + " defector, oppressed", "default: each character's stance in the pack, else realist"})
    List<String> stances = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "N", description = "seed of the computer players' random element (default: a new one)")
    Long seed;

    @Option(names = "--name", defaultValue = "You", paramLabel = "NAME", description = "your name (default: ${DEFAULT-VALUE})")
    String name;

    @Option(names = "--server", paramLabel = "HOST:PORT",
            description = "use a running server (with its trainer secret) instead of starting one")
    String server;

    @Option(names = "--bot-think", defaultValue = "3s", paramLabel = "DURATION",
            description = "how long the computer players think before a move, on the server this starts (default: ${DEFAULT-VALUE})")
    String botThink;

    @Option(names = "--script", description = "scripted mode even on a terminal: commands from stdin, one JSON object per line")
    boolean script;

    @Mixin
    TrainerSecret secret;

    @Override
    public Integer call() throws Exception {
        System.setProperty("drama.log.level", "WARN");
        List<Stance> chosen = new ArrayList<>();
        for (String word : stances) {
            Optional<Stance> s = Stance.parse(word);
            if (s.isEmpty()) {
                System.err.println("drama practice: there is no stance '" + word + "'; stances: " + Stance.words());
                return 2;
            }
            chosen.add(s.get());
        }
        DramaServer embedded = null;
        ServerAddress address = new ServerAddress();
        String trainerSecret;
        try {
            if (server == null) {
                embedded = DramaServer.start(ServerConfig.defaults().toBuilder().host("127.0.0.1").port(0)
                        .httpPort(ServerConfig.HTTP_DISABLED).botThink(ServerCommand.duration(botThink))
                        .dataDir(Files.createTempDirectory("drama-practice")).build());
                address.host = "127.0.0.1";
                address.port = embedded.port();
                trainerSecret = embedded.trainerSecret();
            } else {
                int colon = server.lastIndexOf(':');
                address.host = colon < 0 ? server : server.substring(0, colon);
                address.port = colon < 0 ? ServerConfig.DEFAULT_PORT : Integer.parseInt(server.substring(colon + 1));
                trainerSecret = secret.resolve();
            }
        } catch (TrainerSecret.MissingSecretException | NumberFormatException e) {
            System.err.println("drama practice: " + e.getMessage());
            return 2;
        }
        try {
            return practise(address, trainerSecret, chosen, System.out);
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    int practise(ServerAddress address, String trainerSecret, List<Stance> chosen, PrintStream out) throws Exception {
        boolean scripted = script || System.console() == null;
        ExecutorService delivery = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "drama-practice");
            t.setDaemon(true);
            return t;
        });
        Director director = new Director();
        try (ServerConnection trainer = new ServerConnection(address.settings(ConsoleLauncher.hello(trainerSecret)),
                director, delivery)) {
            director.connection = trainer;
            if (!trainer.connect().get(REPLY_SECONDS, TimeUnit.SECONDS).getTrainer()) {
                System.err.println("drama practice: the server did not accept the trainer secret");
                return 1;
            }
            ServerMessage opened = director.ask(ClientMessage.newBuilder()
                    .setCreateSession(CreateSession.newBuilder().setPackId(pack).setDisplayName("Practice")));
            if (opened.hasError()) {
                System.err.println("drama practice: " + SafeText.forTerminal(opened.getError().getMessage()));
                return 2;
            }
            List<CharacterView> cast = director.ask(ClientMessage.newBuilder().setGetBoard(GetBoard.getDefaultInstance()))
                    .getBoard().getCharactersList();
            if (cast.stream().noneMatch(c -> c.getId().equals(character))) {
                System.err.println("drama practice: " + pack + " has no character '" + character + "'; characters: "
                        + String.join(", ", cast.stream().map(CharacterView::getId).toList()));
                return 2;
            }
            director.practising = character;
            SplittableRandom seeds = seed == null ? null : new SplittableRandom(seed);
            int i = 0;
            for (CharacterView c : cast) {
                if (c.getId().equals(character)) {
                    continue;
                }
                SetBot.Builder bot = SetBot.newBuilder().setCharacterId(c.getId())
                        .setStance(chosen.isEmpty() ? "" : chosen.get(i++ % chosen.size()).word());
                if (seeds != null) {
                    bot.setSeed(seeds.nextLong() | 1);
                }
                ServerMessage seated = director.ask(ClientMessage.newBuilder().setSetBot(bot));
                if (seated.hasError() && bot.getStance().isEmpty()) {
                    // the pack names no stance for this character: a realist
                    seated = director.ask(ClientMessage.newBuilder().setSetBot(bot.setStance(Stance.REALIST.word())));
                }
                if (seated.hasError()) {
                    System.err.println("drama practice: " + SafeText.forTerminal(seated.getError().getMessage()));
                    return 2;
                }
            }
            System.err.println("Practising " + pack + " as " + character + "; the computer plays the others. "
                    + "Type /next to move on (briefing, negotiation, moment of truth, debrief); Ctrl-D ends with the debrief.");
            ClientMessage join = ClientMessage.newBuilder().setJoin(Join.newBuilder()
                    .setJoinCode(opened.getSessionJoined().getJoinCode()).setDisplayName(name).setCharacterId(character)).build();
            int code = new ConsoleLauncher(System.in, out, !scripted).run(new ConsoleLauncher.Spec(address, scripted,
                    Role.TRAINEE, null, join, "practice", name, null).withLines(director::lines));
            if (code != 0) {
                return code;
            }
            String debrief = director.finish();
            if (scripted) {
                out.println(JsonRenderer.render(ServerMessage.newBuilder().setDebrief(dev.drama.proto.DebriefExport.newBuilder()
                        .setFormat(ExportDebrief.Format.MARKDOWN).setContent(debrief)).build()));
            } else {
                out.println(SafeText.forTerminal(debrief));
            }
            out.flush();
            return 0;
        } finally {
            delivery.shutdownNow();
        }
    }

    /**
     * The trainer behind the scenes: it moves the session on when the trainee types /next, opens
     * the briefing once the trainee is seated, and the debrief as soon as the outcome is out.
     */
    private static final class Director implements ConnectionListener {
        ServerConnection connection;
        volatile String practising = "";
        private final AtomicBoolean briefed = new AtomicBoolean();
        private final AtomicReference<Phase> phase = new AtomicReference<>(Phase.LOBBY);
        private final CompletableFuture<Void> debriefOpen = new CompletableFuture<>();

        ServerMessage ask(ClientMessage.Builder command) throws Exception {
            return connection.send(command.build()).get(REPLY_SECONDS, TimeUnit.SECONDS);
        }

        @Override
        public void onMessage(ServerMessage m) {
            if (m.hasParticipant() && m.getParticipant().getChange() == ParticipantEvent.Change.ASSIGNED
                    && m.getParticipant().getParticipant().getCharacterId().equals(practising)
                    && briefed.compareAndSet(false, true)) {
                connection.send(advance(Phase.BRIEFING));
            }
            if (m.hasSessionState()) {
                phase.set(m.getSessionState().getPhase());
            }
            if (m.hasOutcome() && phase.get() == Phase.MOMENT_OF_TRUTH) {
                connection.send(advance(Phase.DEBRIEF)); // practice needs no pause for the room
            }
            if (m.hasDebriefSummary()) {
                debriefOpen.complete(null);
            }
        }

        @Override
        public void onConnectionLost(String reason) {
        }

        @Override
        public void onReconnected() {
        }

        @Override
        public void onGaveUp(String reason) {
            System.err.println("drama practice: lost the server: " + reason);
        }

        private static ClientMessage advance(Phase to) {
            return ClientMessage.newBuilder().setAdvancePhase(AdvancePhase.newBuilder().setTo(to)).build();
        }

        /** The trainee's lines, without /next (done here); the input ends once the debrief is open. */
        LineSource lines(LineSource typed) {
            return () -> {
                while (!debriefOpen.isDone()) {
                    String line = typed.readLine();
                    if (line == null || !line.strip().equalsIgnoreCase(NEXT)) {
                        return line;
                    }
                    try {
                        Phase before = phase.get();
                        ServerMessage reply = ask(ClientMessage.newBuilder().setAdvancePhase(AdvancePhase.newBuilder()
                                .setTo(before == Phase.MOMENT_OF_TRUTH ? Phase.DEBRIEF : Phase.PHASE_UNSPECIFIED)));
                        if (reply.hasError()) {
                            System.err.println("/next: " + SafeText.forTerminal(reply.getError().getMessage()));
                        } else if (before == Phase.MOMENT_OF_TRUTH) {
                            debriefOpen.get(REPLY_SECONDS, TimeUnit.SECONDS);
                        }
                    } catch (Exception e) {
                        throw new IOException("the practice's trainer connection failed: " + e.getMessage(), e);
                    }
                }
                return null;
            };
        }

        /** Opens the debrief if the trainee ended early, and returns the whole debrief (the trainer's copy). */
        String finish() throws Exception {
            if (!debriefOpen.isDone()) {
                ask(ClientMessage.newBuilder().setAdvancePhase(AdvancePhase.newBuilder().setTo(Phase.DEBRIEF)));
            }
            ServerMessage export = ask(ClientMessage.newBuilder().setExportDebrief(ExportDebrief.newBuilder()
                    .setFormat(ExportDebrief.Format.MARKDOWN)));
            return export.getDebrief().getContent();
        }
    }
}
