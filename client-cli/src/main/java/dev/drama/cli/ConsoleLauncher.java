package dev.drama.cli;

import dev.drama.cli.console.Completions;
import dev.drama.cli.console.Console;
import dev.drama.cli.console.ConsoleState;
import dev.drama.cli.console.EventSink;
import dev.drama.cli.console.HumanPresenter;
import dev.drama.cli.console.JsonPresenter;
import dev.drama.cli.console.LineSource;
import dev.drama.cli.console.Presenter;
import dev.drama.cli.console.PrintStreamSink;
import dev.drama.cli.console.ReaderLineSource;
import dev.drama.cli.console.TerminalConsole;
import dev.drama.cli.files.KeptSeats;
import dev.drama.cli.files.PrivateLines;
import dev.drama.cli.files.UserFiles;
import dev.drama.cli.net.ServerConnection;
import dev.drama.cli.render.HumanRenderer;
import dev.drama.cli.render.SafeText;
import dev.drama.proto.ClientMessage;
import dev.drama.proto.Hello;
import dev.drama.proto.Join;
import dev.drama.proto.ProtocolVersion;
import dev.drama.proto.Role;
import dev.drama.proto.ServerMessage;
import dev.drama.proto.Welcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLException;

/**
 * Wires a console together (terminal or script, connection, presenter), opens the
 * session, runs the console until the input ends and returns the exit code:
 * 0 done, 1 could not connect (or lost the server for good), 2 the server refused
 * to open the session.
 */
public final class ConsoleLauncher {
    public static final String CLIENT_NAME = "drama-cli 0.1";

    /**
     * What kind of console to open.
     *
     * @param name the name asked for (a trainer's seat; trainees name themselves in the opening Join)
     * @param files the user's own files (kept resume tokens, history); null: none are read or written
     */
    public record Spec(ServerAddress address, boolean forceScript, Role role, String trainerSecret,
            ClientMessage opening, String historyName, String name, UserFiles files,
            java.util.function.UnaryOperator<LineSource> lines) {

        /** A console that keeps nothing on disk, under the server's default name. */
        public Spec(ServerAddress address, boolean forceScript, Role role, String trainerSecret,
                ClientMessage opening, String historyName) {
            this(address, forceScript, role, trainerSecret, opening, historyName, "", null);
        }

        public Spec(ServerAddress address, boolean forceScript, Role role, String trainerSecret,
                ClientMessage opening, String historyName, String name, UserFiles files) {
            this(address, forceScript, role, trainerSecret, opening, historyName, name, files, UnaryOperator.identity());
        }

        /** The same console, its typed lines read through {@code filter} (practice takes its own commands out). */
        public Spec withLines(java.util.function.UnaryOperator<LineSource> filter) {
            return new Spec(address, forceScript, role, trainerSecret, opening, historyName, name, files, filter);
        }
    }

    private final InputStream in;
    private final PrintStream out;
    private final boolean terminalAttached;

    public ConsoleLauncher() {
        this(System.in, System.out, System.console() != null);
    }

    /** For tests and in-process use: a stream in, a stream out, never a terminal. */
    public ConsoleLauncher(InputStream in, PrintStream out, boolean terminalAttached) {
        this.in = in;
        this.out = out;
        this.terminalAttached = terminalAttached;
    }

    public static Hello hello(String trainerSecret) {
        return Hello.newBuilder().setProtocolVersion(ProtocolVersion.PROTOCOL_VERSION_CURRENT)
                .setClient(CLIENT_NAME).setTrainerSecret(trainerSecret == null ? "" : trainerSecret).build();
    }

    public int run(Spec spec) throws IOException {
        boolean scripted = spec.forceScript() || !terminalAttached;
        ConsoleState state = new ConsoleState(spec.role());
        state.named(spec.name());
        TerminalConsole terminal = scripted ? null
                : new TerminalConsole(new Completions(state), () -> SafeText.forTerminal(prompt(state)), historyFile(spec),
                        new PrivateLines(spec.trainerSecret()));
        HumanRenderer renderer = new HumanRenderer(state, System::currentTimeMillis,
                () -> terminal == null ? 0 : terminal.width());
        EventSink sink = scripted ? new PrintStreamSink(out) : terminal;
        LineSource lines = spec.lines().apply(scripted ? new ReaderLineSource(in) : terminal);
        Presenter presenter = scripted ? new JsonPresenter(sink) : new HumanPresenter(renderer, sink);
        Console console = new Console(state, presenter, renderer, scripted);
        if (terminal != null) {
            console.confirmWith(terminal);
            console.pager(terminal);
        }
        ServerConnection.Settings settings;
        try {
            settings = spec.address().settings(hello(spec.trainerSecret()));
        } catch (SSLException e) {
            presenter.localError("cannot set up TLS: " + e.getMessage());
            if (terminal != null) {
                terminal.close();
            }
            return 1;
        }
        ExecutorService delivery = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "drama-console");
            thread.setDaemon(true);
            return thread;
        });
        ServerConnection connection = new ServerConnection(settings, console, delivery);
        console.attach(connection);
        KeptSeat seat = KeptSeat.of(spec, presenter);
        try {
            int code = open(connection, console, presenter, spec, seat);
            seat.keep(connection);
            return code != 0 ? code : console.run(lines);
        } finally {
            seat.keep(connection); // with the latest event seen: a rejoin catches up from there
            connection.close();
            delivery.shutdown();
            try {
                delivery.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (terminal != null) {
                terminal.close();
            }
        }
    }

    /** Connects, says Hello and sends the opening command; 0 when the console may start. */
    private static int open(ServerConnection connection, Console console, Presenter presenter, Spec spec, KeptSeat seat) {
        Welcome welcome;
        try {
            welcome = connection.connect().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            presenter.localError(e.getCause().getMessage());
            return 1;
        } catch (java.util.concurrent.TimeoutException e) {
            presenter.localError("no answer from " + spec.address().host() + ":" + spec.address().port());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        if (spec.role() == Role.TRAINER && !welcome.getTrainer()) {
            presenter.localError("the server did not accept the trainer secret (is it the secret of this server?)");
            return 1;
        }
        if (spec.opening() == null) {
            return 0;
        }
        ServerMessage reply = console.sendAndWait(seat.opening(spec.opening()));
        return reply == null || reply.hasError() ? 2 : 0;
    }

    /** ~/.drama/history/KIND (owner-only), or none for a console that keeps nothing. */
    private static Path historyFile(Spec spec) {
        if (spec.files() == null) {
            return null;
        }
        try {
            return UserFiles.ownerOnlyFile(spec.files().folder("history").resolve(spec.historyName()));
        } catch (IOException e) {
            return null; // no history then; the console works without it
        }
    }

    /**
     * A trainee's seat kept between runs: the opening Join carries the token kept from the
     * last run (the server gives that seat back), and the token in use is kept again.
     */
    private record KeptSeat(KeptSeats seats, ServerAddress address, Join join, Presenter presenter) {
        static KeptSeat of(Spec spec, Presenter presenter) {
            boolean keeps = spec.files() != null && spec.opening() != null && spec.opening().hasJoin();
            return new KeptSeat(keeps ? new KeptSeats(spec.files()) : null, spec.address(),
                    keeps ? spec.opening().getJoin() : null, presenter);
        }

        ClientMessage opening(ClientMessage opening) {
            if (seats == null) {
                return opening;
            }
            return seats.load(address.host(), address.port(), join.getJoinCode(), join.getDisplayName())
                    .map(kept -> opening.toBuilder().setJoin(join.toBuilder()
                            .setResumeToken(kept.token()).setLastSeq(kept.lastSeq())).build())
                    .orElse(opening);
        }

        void keep(ServerConnection connection) {
            if (seats == null || connection.resumeToken().isEmpty()) {
                return;
            }
            try {
                seats.save(address.host(), address.port(), join.getJoinCode(), join.getDisplayName(),
                        new KeptSeats.Kept(connection.resumeToken(), connection.lastSeq()));
            } catch (IOException e) {
                presenter.localError("could not keep the resume token: " + e.getMessage()
                        + " (join again with the same name to come back)");
            }
        }
    }

    private static String prompt(ConsoleState state) {
        var joined = state.joined();
        return switch (state.role()) {
            case TRAINER -> "trainer" + (joined.getJoinCode().isEmpty() ? "" : " " + joined.getJoinCode()) + "> ";
            case OBSERVER -> "watching " + joined.getJoinCode() + "> ";
            default -> (joined.getCharacterId().isEmpty() ? "no character yet" : joined.getCharacterId()) + "> ";
        };
    }
}
