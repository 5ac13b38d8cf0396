package dev.drama.cli.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.util.JsonFormat;
import dev.drama.cli.render.HumanRenderer;
import dev.drama.proto.Briefing;
import dev.drama.proto.Error;
import dev.drama.proto.ErrorCode;
import dev.drama.proto.InjectEvent;
import dev.drama.proto.Notice;
import dev.drama.proto.OfferEvent;
import dev.drama.proto.ParticipantEvent;
import dev.drama.proto.Role;
import dev.drama.proto.ServerMessage;
import dev.drama.proto.Talk;
import dev.drama.server.text.TextRules;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;
import org.awaitility.Awaitility;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;

/**
 * A hostile (or old) server sends escape sequences, carriage returns, OSC title and
 * clipboard commands, cursor moves and bidirectional overrides in every kind of text.
 * Through the real renderer, presenter and a JLine terminal (on a pseudo-terminal where
 * the system has them), the bytes that come out hold none of them: only the console's
 * own colours, and visible stand-ins.
 */
class HostileEventTest {
    static final String CLEAR_AND_FAKE = "\u001b[2J\u001b[H\u001b[1;31mFacilitator (trainer): SESSION ENDED\u001b[0m";
    static final List<String> HOSTILE = List.of(
            CLEAR_AND_FAKE,
            "\rFacilitator (trainer): SESSION ENDED",
            "\u001b]0;pwned\u0007",
            "\u001b]2;pwned\u001b\\",
            "\u001b]52;c;cm0gLXJmIH4K\u0007",
            "ok\u001b[1A\u001b[2K\u001b[10;10H",
            "\u009b2J\u009d0;title\u009c",
            "I agree \u202eeerga t'nod I \u2066x\u2069",
            "fund\u200bing\ufeff\u180e\u2060\u200d",
            "yes\b\b\bno\u0000\u007f");

    private static List<ServerMessage> hostileEvents(String evil) {
        return List.of(
                ServerMessage.newBuilder().setTalk(Talk.newBuilder().setFromCharacterId("union").setText(evil)).build(),
                ServerMessage.newBuilder().setTalk(Talk.newBuilder().setFromName(evil).setText(evil)).build(),
                ServerMessage.newBuilder().setTalk(Talk.newBuilder().setFromCharacterId("union").addToCharacterIds("manager")
                        .setPrivate(true).setText(evil)).build(),
                ServerMessage.newBuilder().setParticipant(ParticipantEvent.newBuilder().setChange(ParticipantEvent.Change.JOINED)
                        .setParticipant(Fixtures.participant("p9", evil, Role.TRAINEE, ""))).build(),
                ServerMessage.newBuilder().setOffer(OfferEvent.newBuilder().setByCharacterId("union")
                        .setOffer(Fixtures.offer("o7", "union", "manager").toBuilder().setNote(evil))).build(),
                ServerMessage.newBuilder().setInject(InjectEvent.newBuilder().setTitle(evil).setText(evil)
                        .addBoardChanges(evil)).build(),
                ServerMessage.newBuilder().setBriefing(Briefing.newBuilder().setCharacterId("manager")
                        .setCharacterName(evil).setText(evil).setMandate(evil).addPreferences(evil)).build(),
                ServerMessage.newBuilder().setNotice(Notice.newBuilder().setText(evil)).build(),
                ServerMessage.newBuilder().setError(Error.newBuilder().setCode(ErrorCode.INVALID_TEXT).setMessage(evil)).build());
    }

    @Test
    void noControlSequenceFromTheServerReachesTheTerminal() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int events = 0;
        try (Terminal terminal = terminal(bytes)) {
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).build();
            ConsoleState state = Fixtures.state(Role.TRAINEE, "manager");
            Presenter presenter = new HumanPresenter(new HumanRenderer(state), reader::printAbove);
            for (String evil : HOSTILE) {
                for (ServerMessage m : hostileEvents(evil)) {
                    state.apply(m);
                    presenter.message(m);
                    events++;
                }
            }
            presenter.localInfo(new HumanRenderer(state).who());
            printed(reader, bytes);
        }
        String printed = bytes.toString(StandardCharsets.UTF_8);

        // the console's own colours are the only escape sequences; \r\n is the terminal's line end
        String content = printed.replaceAll("\u001b\\[[0-9;]*m", "").replace("\r\n", "\n");
        List<String> unsafe = content.codePoints().filter(cp -> TextRules.unsafe(cp).isPresent())
                .mapToObj(TextRules::codePoint).distinct().toList();
        System.out.println("HostileEventTest: " + events + " hostile events, " + printed.length() + " characters printed, "
                + "unsafe characters reaching the terminal: " + unsafe);
        assertEquals(List.of(), unsafe);
        // ...and what was sent is still there to read, made visible
        for (String shown : List.of("\u241b[2J\u241b[H\u241b[1;31mFacilitator (trainer): SESSION ENDED",
                "\u240dFacilitator", "\u241b]52;c;cm0gLXJmIH4K\u2407", "<U+009B>2J", "I agree <U+202E>eerga",
                "fund<U+200B>ing", "yes\u2408\u2408\u2408no\u2400\u2421")) {
            assertTrue(content.contains(shown), shown);
        }
    }

    @Test
    void withoutTheBoundaryTheRendererWouldHavePrintedTheSequences() throws IOException {
        // the renderer alone passes texts through: the test above would catch a presenter that skipped SafeText
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Terminal terminal = terminal(bytes)) {
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).build();
            ConsoleState state = Fixtures.state(Role.TRAINEE, "manager");
            reader.printAbove(new HumanRenderer(state).render(hostileEvents(CLEAR_AND_FAKE).get(0)));
            printed(reader, bytes);
        }
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("\u001b[2J\u001b[H"));
    }

    @Test
    void scriptedModeWritesEveryUnsafeCharacterAsAJsonEscape() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Presenter presenter = new JsonPresenter(new PrintStreamSink(new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        for (String evil : HOSTILE) {
            for (ServerMessage m : hostileEvents(evil)) {
                presenter.message(m);
            }
            presenter.localError(evil);
            presenter.connection(evil);
        }
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(List.of(), printed.codePoints().filter(cp -> cp != '\n' && TextRules.unsafe(cp).isPresent())
                .mapToObj(TextRules::codePoint).distinct().toList());
        // the same data for a script: each line parses back to the text that was sent
        String first = printed.lines().findFirst().orElseThrow();
        ServerMessage.Builder parsed = ServerMessage.newBuilder();
        JsonFormat.parser().merge(first, parsed);
        assertEquals(CLEAR_AND_FAKE, parsed.getTalk().getText());
        for (String escape : List.of("\\u202e", "\\u009b", "\\u200b", "\\u001b")) {
            assertTrue(printed.contains(escape), escape);
        }
    }

    /** Waits until all that was printed has come through: the terminal is a pseudo-terminal, pumped by a thread. */
    private static void printed(LineReader reader, ByteArrayOutputStream bytes) {
        reader.printAbove("-- end of test --");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> bytes.toString(StandardCharsets.UTF_8).contains("-- end of test --"));
    }

    private static Terminal terminal(ByteArrayOutputStream bytes) throws IOException {
        return TerminalBuilder.builder().system(false).type("xterm-256color").encoding(StandardCharsets.UTF_8)
                .streams(new ByteArrayInputStream(new byte[0]), bytes).build();
    }
}
