package dev.drama.cli.console;

import dev.drama.proto.ServerMessage;
import org.jline.utils.AttributedString;

/** How the console shows things: in words and colour for people, or as JSON lines for scripts. */
public interface Presenter {

    /** A message from the server; the console state has already taken it in. */
    void message(ServerMessage message);

    /** A mistake found by the console itself; nothing was sent. */
    void localError(String text);

    /** The answer of a local command (/help, /who, /briefing) or a local confirmation. */
    void localInfo(AttributedString text);

    /** News about the connection: lost, back, given up. */
    void connection(String text);
}
