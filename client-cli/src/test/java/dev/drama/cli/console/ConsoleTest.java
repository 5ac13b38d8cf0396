package dev.drama.cli.console;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drama.cli.net.ConnectionLostException;
import dev.drama.cli.net.ServerLink;
import dev.drama.cli.render.HumanRenderer;
import dev.drama.proto.Ack;
import dev.drama.proto.BoardDelta;
import dev.drama.proto.Briefing;
import dev.drama.proto.ClientMessage;
import dev.drama.proto.DebriefExport;
import dev.drama.proto.Role;
import dev.drama.proto.ServerMessage;
import dev.drama.proto.Talk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleTest {
    private static final String END = "\u0000end";

    /** A link that records commands; replies come from {@code replies} or are completed by the test. */
    static final class FakeLink implements ServerLink {
        final List<ClientMessage> sent = new CopyOnWriteArrayList<>();
        final List<CompletableFuture<ServerMessage>> replies = new CopyOnWriteArrayList<>();
        Function<ClientMessage, List<ServerMessage>> responder;
        Console console;
        boolean closed;

        @Override
        public CompletableFuture<ServerMessage> send(ClientMessage command) {
            long id = sent.size() + 1;
            ClientMessage numbered = command.toBuilder().setRequestId(id).build();
            sent.add(numbered);
            CompletableFuture<ServerMessage> reply = new CompletableFuture<>();
            replies.add(reply);
            if (responder != null) {
                List<ServerMessage> messages = responder.apply(numbered);
                messages.forEach(console::onMessage);
                messages.stream().filter(m -> m.getRequestId() == id).findFirst().ifPresent(reply::complete);
            }
            return reply;
        }

        /** What the connection does with a reply: hand it to the console, then complete the command's future. */
        void answer(int index, ServerMessage reply) {
            console.onMessage(reply);
            replies.get(index).complete(reply);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private final List<String> output = new CopyOnWriteArrayList<>();
    private final EventSink sink = text -> output.add(text.toString());
    private final BlockingQueue<String> input = new LinkedBlockingQueue<>();
    private final LineSource lines = () -> {
        try {
            String line = input.take();
            return line.equals(END) ? null : line;
        } catch (InterruptedException e) {
            return null;
        }
    };
    private final FakeLink link = new FakeLink();
    private Thread running;
    private volatile Integer exitCode;

    private Console scripted(ConsoleState state) {
        return console(state, true, new JsonPresenter(sink));
    }

    private Console console(ConsoleState state, boolean scripted, Presenter presenter) {
        Console console = new Console(state, presenter, new HumanRenderer(state), scripted);
        console.attach(link);
        link.console = console;
        return console;
    }

    private void start(Console console) {
        running = new Thread(() -> {
            try {
                exitCode = console.run(lines);
            } catch (Exception e) {
                exitCode = -1;
            }
        });
        running.start();
    }

    private void type(String... typed) {
        input.addAll(List.of(typed));
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (running != null) {
            input.add(END);
            running.join(5000);
        }
    }

    private static ServerMessage ack(ClientMessage command) {
        return ServerMessage.newBuilder().setRequestId(command.getRequestId()).setAck(Ack.getDefaultInstance()).build();
    }

    private static ServerMessage talk(String text) {
        return ServerMessage.newBuilder().setTalk(Talk.newBuilder().setFromCharacterId("union").setText(text)).build();
    }

    @Test
    void aScriptWaitsForEachReplyBeforeSendingTheNextCommand() {
        start(scripted(Fixtures.state(Role.TRAINEE, "manager")));
        type("/board", "/say hello");
        await().atMost(Duration.ofSeconds(5)).until(() -> link.sent.size() == 1);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> link.sent.size() == 1);
        link.answer(0, ServerMessage.newBuilder().setRequestId(1).setBoard(Fixtures.board()).build());
        await().atMost(Duration.ofSeconds(5)).until(() -> link.sent.size() == 2);
        assertEquals("hello", link.sent.get(1).getSay().getText());
        link.answer(1, ack(link.sent.get(1)));
        type(END);
        await().atMost(Duration.ofSeconds(5)).until(() -> exitCode != null);
        assertEquals(0, exitCode);
        assertTrue(output.get(0).startsWith("{\"requestId\":\"1\",\"board\":{"), output.get(0));
        assertEquals("{\"requestId\":\"2\",\"ack\":{}}", output.get(1));
    }

    @Test
    void aBoardDeltaAfterMissedChangesAsksForTheWholeBoardOnceAndScriptsSeeTheDelta() {
        Console console = scripted(Fixtures.state(Role.TRAINEE, "manager"));
        console.onMessage(ServerMessage.newBuilder().setBoardDelta(BoardDelta.newBuilder().setBaseVersion(0).setVersion(1)
                .setChangedBy("union")).build());
        assertEquals(List.of(), link.sent, "it follows from the board held");
        console.onMessage(ServerMessage.newBuilder().setBoardDelta(BoardDelta.newBuilder().setBaseVersion(5).setVersion(6)).build());
        console.onMessage(ServerMessage.newBuilder().setBoardDelta(BoardDelta.newBuilder().setBaseVersion(6).setVersion(7)).build());
        assertEquals(1, link.sent.size(), "one request for the board however many deltas it cannot apply");
        assertTrue(link.sent.get(0).hasGetBoard());
        assertEquals("{\"boardDelta\":{\"baseVersion\":\"5\",\"version\":\"6\"}}", output.get(1));
        link.answer(0, ServerMessage.newBuilder().setRequestId(1).setBoard(Fixtures.board().toBuilder().setVersion(7)).build());
        console.onMessage(ServerMessage.newBuilder().setBoardDelta(BoardDelta.newBuilder().setBaseVersion(7).setVersion(8)
                .setCrisisPoint(true)).build());
        assertEquals(1, link.sent.size(), "level again");
        console.onMessage(ServerMessage.newBuilder().setBoardDelta(BoardDelta.newBuilder().setBaseVersion(9).setVersion(10)).build());
        assertEquals(2, link.sent.size(), "a later gap asks again");
    }

    @Test
    void badCommandsAreLocalErrorsAndNothingIsSent() throws Exception {
        Console console = scripted(Fixtures.state(Role.TRAINEE, "manager"));
        type("# a comment", "", "/position late=maybe", "/frobnicate", END);
        assertEquals(0, console.run(lines));
        assertEquals(List.of(), link.sent);
        assertEquals(List.of(
                "{\"localError\":\"'maybe' is not a value for late: use yes or no (or open)\"}",
                "{\"localError\":\"unknown command /frobnicate; /help lists the commands\"}"), output);
    }

    @Test
    void waitForFindsAnEventThatCameEarlyAndOneThatComesLater() {
        Console console = scripted(Fixtures.state(Role.TRAINEE, "manager"));
        link.responder = command -> List.of(ack(command));
        console.onMessage(talk("first"));
        start(console);
        type("/wait-for talk first", "/wait-for talk \"the second = later\"", "/say done");
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> link.sent.isEmpty());
        console.onMessage(talk("the second = later"));
        await().atMost(Duration.ofSeconds(5)).until(() -> link.sent.size() == 1);
        assertEquals("done", link.sent.get(0).getSay().getText());
    }

    @Test
    void aMatchIsTakenOnlyOnceAndATimeoutIsReported() throws Exception {
        Console console = scripted(Fixtures.state(Role.TRAINEE, "manager"));
        console.onMessage(talk("once"));
        type("/wait-for talk once", "/wait-for TALK once --timeout 0.2", END);
        assertEquals(0, console.run(lines));
        assertEquals("{\"localError\":\"timed out after 0.2 s waiting for TALK containing \\\"once\\\"\"}",
                output.get(output.size() - 1));
    }

    @Test
    void kindsAreBodyNames() {
        ServerMessage board = ServerMessage.newBuilder().setBoard(Fixtures.board()).build();
        assertTrue(Console.matches(board, "{}", "board", ""));
        assertTrue(Console.matches(ServerMessage.newBuilder().setSessionState(Fixtures.session(
                dev.drama.proto.Phase.LOBBY)).build(), "{}", "session_state", ""));
        assertTrue(!Console.matches(board, "{}", "talk", ""));
    }

    @Test
    void exportWritesTheDebriefToAFile(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("debrief.md");
        Console console = scripted(Fixtures.state(Role.TRAINER, ""));
        link.responder = command -> List.of(ServerMessage.newBuilder().setRequestId(command.getRequestId())
                .setDebrief(DebriefExport.newBuilder().setContent("# Debrief\n")).build());
        type("/export md " + file, END);
        assertEquals(0, console.run(lines));
        assertEquals("# Debrief\n", Files.readString(file));
        assertEquals("{\"localInfo\":\"debrief written to " + file.toAbsolutePath() + " (10 bytes)\"}", output.get(1));
    }

    /** An interactive console whose questions are answered from {@code answers}, recording each question. */
    private Console interactive(ConsoleState state, List<String> questions, String... answers) {
        Console console = console(state, false, new HumanPresenter(new HumanRenderer(state), sink));
        BlockingQueue<String> replies = new LinkedBlockingQueue<>(List.of(answers));
        console.confirmWith(question -> {
            questions.add(question);
            return "y".equals(replies.poll());
        });
        link.responder = command -> List.of(ack(command));
        return console;
    }

    @Test
    void aTrainersLineWithoutASlashIsSaidToEveryoneOnlyAfterAYes() throws Exception {
        List<String> questions = new CopyOnWriteArrayList<>();
        Console console = interactive(Fixtures.state(Role.TRAINER, ""), questions, "n", "y");
        type("Time is nearly up", "Time is nearly up, really", "/say No question for this", END);
        assertEquals(0, console.run(lines));
        assertEquals(List.of("Say this to everyone? y/N", "Say this to everyone? y/N"), questions);
        assertEquals(List.of("Time is nearly up, really", "No question for this"),
                link.sent.stream().map(m -> m.getSay().getText()).toList());
        assertEquals("not sent (/say TEXT says it without asking)", output.get(0));
    }

    @Test
    void aPlayersLineWithoutASlashIsSaidWithoutAQuestion() throws Exception {
        List<String> questions = new CopyOnWriteArrayList<>();
        Console console = interactive(Fixtures.state(Role.TRAINEE, "manager"), questions);
        type("Hello all", END);
        assertEquals(0, console.run(lines));
        assertEquals(List.of(), questions);
        assertEquals("Hello all", link.sent.get(0).getSay().getText());
    }

    @Test
    void aPasteOfManyLinesIsAskedAboutOnceThenSentLineByLine() throws Exception {
        List<String> questions = new CopyOnWriteArrayList<>();
        Console console = interactive(Fixtures.state(Role.TRAINER, ""), questions, "n", "y");
        type("/say one\n/say two\n\n/say three\n", "first\nsecond\n/pause", END);
        assertEquals(0, console.run(lines));
        assertEquals(List.of("Send 3 lines? y/N", "Send 3 lines? y/N"), questions,
                "one question for the whole paste, none for its bare lines");
        assertEquals("not sent", output.get(0));
        assertEquals(List.of("first", "second"), link.sent.stream().filter(ClientMessage::hasSay)
                .map(m -> m.getSay().getText()).toList());
        assertTrue(link.sent.get(2).hasPauseClock());
    }

    @Test
    void quitLeavesTheSession() throws Exception {
        Console console = scripted(Fixtures.state(Role.TRAINEE, "manager"));
        link.responder = command -> List.of(ack(command));
        type("/quit", "/say never sent");
        assertEquals(0, console.run(lines));
        assertEquals(1, link.sent.size());
        assertTrue(link.sent.get(0).hasLeave());
    }

    @Test
    void localViewsInAScriptAreJsonToo() throws Exception {
        ConsoleState state = Fixtures.state(Role.TRAINEE, "manager");
        Console console = scripted(state);
        type("/briefing", END);
        console.run(lines);
        assertEquals("{\"localError\":\"no briefing for manager yet: briefings arrive when the briefing phase starts\"}",
                output.get(0));
        state.apply(ServerMessage.newBuilder().setBriefing(Briefing.newBuilder().setCharacterId("manager")
                .setCharacterName("Priya").setText("You run the centre.")).build());
        output.clear();
        type("/briefing", END);
        console.run(lines);
        assertEquals("{\"localInfo\":\"Your briefing: Priya\\nYou run the centre.\"}", output.get(0));
    }

    @Test
    void interactiveCommandsDoNotBlockAndLostRepliesAreReported() throws Exception {
        ConsoleState state = Fixtures.state(Role.TRAINEE, "manager");
        start(console(state, false, new HumanPresenter(new HumanRenderer(state), sink)));
        type("/say one", "/say two");
        await().atMost(Duration.ofSeconds(5)).until(() -> link.sent.size() == 2);
        link.replies.get(0).completeExceptionally(new ConnectionLostException("connection lost (reset)"));
        await().atMost(Duration.ofSeconds(2)).until(() -> output.contains("connection lost (reset)"));
        link.answer(1, ack(link.sent.get(1)));
        type(END);
        await().atMost(Duration.ofSeconds(5)).until(() -> exitCode != null);
        assertEquals(0, exitCode);
    }

    @Test
    void connectionNewsIsShown() {
        Console console = scripted(Fixtures.state(Role.TRAINEE, "manager"));
        console.onConnectionLost("no word from the server for 45 s");
        console.onReconnected();
        assertEquals(List.of(
                "{\"connection\":\"connection lost (no word from the server for 45 s), reconnecting...\"}",
                "{\"connection\":\"back in session\"}"), output);
    }

    @Test
    void helpInAScriptListsTheScriptCommands() throws Exception {
        Console console = scripted(Fixtures.state(Role.TRAINEE, "manager"));
        type("/help", END);
        console.run(lines);
        assertTrue(output.get(0).contains("/wait-for"), output.get(0));
        assertTrue(!output.get(0).contains("/assign"), output.get(0));
    }
}
