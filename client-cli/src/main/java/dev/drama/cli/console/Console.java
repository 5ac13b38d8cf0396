package dev.drama.cli.console;

import dev.drama.cli.command.CommandParser;
import dev.drama.cli.command.HelpText;
import dev.drama.cli.command.PackExamples;
import dev.drama.cli.command.ParseResult;
import dev.drama.cli.net.ConnectionListener;
import dev.drama.cli.net.ServerLink;
import dev.drama.cli.render.HumanRenderer;
import dev.drama.cli.render.JsonRenderer;
import dev.drama.proto.Briefing;
import dev.drama.proto.ClientMessage;
import dev.drama.proto.GetBoard;
import dev.drama.proto.Leave;
import dev.drama.proto.Role;
import dev.drama.proto.ServerMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/**
 * The console's logic, free of terminals and sockets: reads lines from a
 * {@link LineSource}, sends what they mean through a {@link ServerLink}, and shows what
 * comes back through a {@link Presenter}. In scripted mode it waits for each command's
 * reply before reading the next line, so that a script's output is deterministic.
 */
public final class Console implements ConnectionListener {
    /** How long an interactive console waits for replies still due when it ends. */
    private static final Duration FINAL_WAIT = Duration.ofSeconds(5);
    /** How many received messages /wait-for can look back over. */
    private static final int LOG_LIMIT = 10_000;

    private final ConsoleState state;
    private final Presenter presenter;
    private final HumanRenderer views;
    private final boolean scripted;
    private final CommandParser parser = new CommandParser();
    private final Set<CompletableFuture<ServerMessage>> outstanding = ConcurrentHashMap.newKeySet();
    private ServerLink link;
    private Confirmation confirmation = Confirmation.ALWAYS;
    /** Without a terminal there are no pages: the text is shown whole. */
    private Pager pager;
    /**
     * Debrief replies not to be printed whole as they arrive: a pager shows them, or they
     * are written to a file. Counted up before the command is sent and down when its reply
     * has been handled (on the delivery thread, after {@link #onMessage}).
     */
    private final AtomicInteger debriefsOffScreen = new AtomicInteger();

    // the messages /wait-for looks through, guarded by itself
    private final List<Received> log = new ArrayList<>();
    private volatile boolean gaveUp;

    private static final class Received {
        final ServerMessage message;
        final String json;
        boolean taken;

        Received(ServerMessage message, String json) {
            this.message = message;
            this.json = json;
        }
    }

    public Console(ConsoleState state, Presenter presenter, HumanRenderer views, boolean scripted) {
        this.state = state;
        this.presenter = presenter;
        this.views = views;
        this.scripted = scripted;
    }

    public void attach(ServerLink link) {
        this.link = link;
    }

    /** Who is asked before a trainer's bare line goes to everyone, or a paste of many lines is sent. */
    public void confirmWith(Confirmation confirmation) {
        this.confirmation = confirmation;
    }

    public void pager(Pager pager) {
        this.pager = pager;
    }

    // ------------------------------------------------------------------ from the server

    @Override
    public void onMessage(ServerMessage message) {
        state.apply(message);
        if (state.takeBoardWanted() && link != null) {
            // changes to the board were missed: the whole board puts this console level again
            link.send(ClientMessage.newBuilder().setGetBoard(GetBoard.getDefaultInstance()).build());
        }
        if (!(message.hasDebrief() && message.getRequestId() != 0 && debriefsOffScreen.get() > 0)) {
            presenter.message(message);
        }
        synchronized (log) {
            log.add(new Received(message, JsonRenderer.render(message)));
            if (log.size() > LOG_LIMIT) {
                log.remove(0);
            }
            log.notifyAll();
        }
    }

    @Override
    public void onConnectionLost(String reason) {
        presenter.connection("connection lost (" + reason + "), reconnecting...");
    }

    @Override
    public void onReconnected() {
        presenter.connection("back in session");
    }

    @Override
    public void onGaveUp(String reason) {
        gaveUp = true;
        presenter.connection(reason);
    }

    // ------------------------------------------------------------------ from the user

    /**
     * Sends a command and, in scripted mode, waits for its reply; used for the opening
     * command (Join, Watch...) as well as for every line.
     *
     * @return the reply, or null when none came (connection lost; already reported)
     */
    public ServerMessage sendAndWait(ClientMessage command) {
        CompletableFuture<ServerMessage> reply = link.send(command);
        return await(reply);
    }

    /** Reads and runs lines until the end of input or /quit; returns the exit code. */
    public int run(LineSource source) throws IOException {
        String line;
        while ((line = source.readLine()) != null) {
            if (!executeTyped(line)) {
                break;
            }
        }
        awaitOutstanding();
        return gaveUp ? 1 : 0;
    }

    /**
     * Runs what was entered at once: one line, or several pasted together (asked once
     * before any is sent). A trainer's line without a slash goes to every participant, so
     * it is asked about first: a command typed without its slash must not become a broadcast.
     *
     * @return false when the console should end
     */
    boolean executeTyped(String input) {
        List<String> lines = input.lines().filter(line -> !line.isBlank()).toList();
        if (lines.size() > 1) {
            if (!confirmation.confirm("Send " + lines.size() + " lines? y/N")) {
                presenter.localInfo(new AttributedString("not sent"));
                return true;
            }
            for (String line : lines) {
                if (!execute(line)) {
                    return false;
                }
            }
            return true;
        }
        if (state.role() == Role.TRAINER && isBroadcast(input) && !confirmation.confirm("Say this to everyone? y/N")) {
            presenter.localInfo(new AttributedString("not sent (/say TEXT says it without asking)"));
            return true;
        }
        return execute(input);
    }

    private static boolean isBroadcast(String line) {
        String text = line.strip();
        return !text.isEmpty() && !text.startsWith("/") && !text.startsWith("#");
    }

    /** Runs one line; false when the console should end. */
    public boolean execute(String line) {
        ParseResult result = parser.parse(line, state);
        if (result instanceof ParseResult.Send send) {
            send(send);
        } else if (result instanceof ParseResult.Paged paged) {
            page(paged);
        } else if (result instanceof ParseResult.Error error) {
            presenter.localError(error.message());
        } else if (result instanceof ParseResult.Help help) {
            presenter.localInfo(HelpText.render(help.topic(), state.role(), scripted, spec -> PackExamples.of(spec, state)));
        } else if (result instanceof ParseResult.Who) {
            presenter.localInfo(views.who());
        } else if (result instanceof ParseResult.ListOffers) {
            presenter.localInfo(views.offers());
        } else if (result instanceof ParseResult.ListDilemmas) {
            presenter.localInfo(views.dilemmas());
        } else if (result instanceof ParseResult.ShowWaysOut ways) {
            presenter.localInfo(views.waysOut(ways.number()));
        } else if (result instanceof ParseResult.ShowBriefing show) {
            showBriefing(show.characterId());
        } else if (result instanceof ParseResult.WaitFor wait) {
            waitFor(wait);
        } else if (result instanceof ParseResult.Sleep sleep) {
            sleep(sleep.duration());
        } else if (result instanceof ParseResult.Quit) {
            if (!state.joined().getSessionId().isEmpty()) {
                // say goodbye, but do not hang on a connection that is down
                try {
                    link.send(ClientMessage.newBuilder().setLeave(Leave.getDefaultInstance()).build())
                            .get(FINAL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException | TimeoutException e) {
                    // leaving anyway
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return false;
        }
        return true;
    }

    private void send(ParseResult.Send send) {
        // a person is told the debrief was written, not shown all of it; a script gets the reply as ever
        boolean offScreen = send.saveReplyTo() != null && !scripted;
        if (offScreen) {
            debriefsOffScreen.incrementAndGet();
        }
        CompletableFuture<ServerMessage> sent = link.send(send.command());
        if (offScreen) {
            sent.whenComplete((message, error) -> debriefsOffScreen.decrementAndGet());
        }
        CompletableFuture<ServerMessage> reply = send.saveReplyTo() == null ? sent : sent.thenApply(message -> {
            if (message.hasDebrief()) {
                save(send.saveReplyTo(), message.getDebrief().getContent());
            }
            return message;
        });
        if (scripted) {
            await(reply);
        } else {
            outstanding.add(reply);
            reply.whenComplete((message, error) -> {
                outstanding.remove(reply);
                if (error != null) {
                    presenter.localError(messageOf(error));
                }
            });
        }
    }

    /** Scripts get the reply as one event; people read it a page at a time. */
    private void page(ParseResult.Paged paged) {
        if (scripted || pager == null) {
            send(new ParseResult.Send(paged.command()));
            return;
        }
        debriefsOffScreen.incrementAndGet();
        ServerMessage reply;
        try {
            reply = await(link.send(paged.command()));
        } finally {
            debriefsOffScreen.decrementAndGet();
        }
        if (reply != null && reply.hasDebrief()) {
            pager.page(reply.getDebrief().getContent());
        }
    }

    private ServerMessage await(CompletableFuture<ServerMessage> reply) {
        try {
            return reply.get();
        } catch (ExecutionException e) {
            presenter.localError(messageOf(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    private void awaitOutstanding() {
        long deadline = System.nanoTime() + FINAL_WAIT.toNanos();
        for (CompletableFuture<ServerMessage> reply : List.copyOf(outstanding)) {
            try {
                reply.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // already reported, or not worth waiting for any longer
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void save(Path file, String content) {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
            presenter.localInfo(new AttributedString("debrief written to " + file.toAbsolutePath() + " (" + size(Files.size(file)) + ")"));
        } catch (IOException e) {
            presenter.localError("could not write " + file + ": " + e.getMessage());
        }
    }

    /** "12 KB", "840 bytes", "1.4 MB". */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024.0) + " KB";
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    private void showBriefing(String characterId) {
        String wanted = characterId.isEmpty() ? state.myCharacterId() : characterId;
        if (wanted.isEmpty() && state.role() == Role.TRAINER) {
            List<Briefing> all = state.briefings();
            if (all.isEmpty()) {
                presenter.localError("no briefings yet: they arrive when the briefing phase starts");
                return;
            }
            AttributedStringBuilder out = new AttributedStringBuilder().append("Briefings received: ");
            out.append(String.join(", ", all.stream().map(Briefing::getCharacterId).toList()));
            out.append(" (/briefing CHARACTER shows one)");
            presenter.localInfo(out.toAttributedString());
            return;
        }
        if (wanted.isEmpty()) {
            presenter.localError("you have no character yet, so no briefing");
            return;
        }
        state.briefing(wanted).ifPresentOrElse(
                briefing -> presenter.localInfo(views.render(ServerMessage.newBuilder().setBriefing(briefing).build())),
                () -> presenter.localError("no briefing for " + wanted + " yet: briefings arrive when the briefing phase starts"));
    }

    /**
     * Blocks until a matching message has arrived. Each /wait-for takes the earliest
     * matching message that no earlier /wait-for has taken, whenever it arrived: events
     * from several consoles interleave differently from run to run, and a script must
     * neither miss an event that came early nor match the same event twice.
     */
    private void waitFor(ParseResult.WaitFor wait) {
        long deadline = System.nanoTime() + wait.timeout().toNanos();
        synchronized (log) {
            while (true) {
                for (Received received : log) {
                    if (!received.taken && matches(received, wait)) {
                        received.taken = true;
                        return;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || gaveUp) {
                    break;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(log, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        presenter.localError("timed out after " + wait.timeout().toMillis() / 1000.0 + " s waiting for " + wait.kind()
                + (wait.text().isEmpty() ? "" : " containing \"" + wait.text() + "\""));
    }

    /** The body's JSON name is KIND (any case, underscores ignored) and the JSON holds TEXT. */
    static boolean matches(ServerMessage message, String json, String kind, String text) {
        if (message.getBodyCase() == ServerMessage.BodyCase.BODY_NOT_SET) {
            return false;
        }
        String body = ServerMessage.getDescriptor().findFieldByNumber(message.getBodyCase().getNumber()).getJsonName();
        return normalise(body).equals(normalise(kind))
                && (json.contains(text) || json.contains(JsonRenderer.escaped(text)));
    }

    private static boolean matches(Received received, ParseResult.WaitFor wait) {
        return matches(received.message, received.json, wait.kind(), wait.text());
    }

    private static String normalise(String name) {
        return name.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String messageOf(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof ExecutionException || cause instanceof java.util.concurrent.CompletionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }
}
