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
import dev.drama.cli.net.ServerConnection;
import dev.drama.cli.render.HumanRenderer;
import dev.drama.proto.ClientMessage;
import dev.drama.proto.Hello;
import dev.drama.proto.ProtocolVersion;
import dev.drama.proto.Role;
import dev.drama.proto.ServerMessage;
import dev.drama.proto.Welcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * Wires a console together (terminal or script, connection, presenter), opens the
 * session, runs the console until the input ends and returns the exit code:
 * 0 done, 1 could not connect (or lost the server for good), 2 the server refused
 * to open the session.
 */
public final class ConsoleLauncher {
    public static final String CLIENT_NAME = "drama-cli 0.1";

    /** What kind of console to open. */
    public record Spec(ServerAddress address, boolean forceScript, Role role, String trainerSecret,
            ClientMessage opening, String historyName) {
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
        TerminalConsole terminal = scripted ? null
                : new TerminalConsole(new Completions(state), () -> prompt(state), spec.historyName());
        HumanRenderer renderer = new HumanRenderer(state, System::currentTimeMillis,
                () -> terminal == null ? 0 : terminal.width());
        EventSink sink = scripted ? new PrintStreamSink(out) : terminal;
        LineSource lines = scripted ? new ReaderLineSource(in) : terminal;
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
        try {
            int code = open(connection, console, presenter, spec);
            return code != 0 ? code : console.run(lines);
        } finally {
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
    private static int open(ServerConnection connection, Console console, Presenter presenter, Spec spec) {
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
        ServerMessage reply = console.sendAndWait(spec.opening());
        return reply == null || reply.hasError() ? 2 : 0;
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
