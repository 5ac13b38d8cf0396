package dev.drama.cli.console;

import java.io.PrintStream;
import org.jline.utils.AttributedString;

/** Plain text to a stream, flushed after every message so that a reader of the pipe sees it at once. */
public final class PrintStreamSink implements EventSink {
    private final PrintStream out;

    public PrintStreamSink(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void show(AttributedString text) {
        out.println(text.toString());
        out.flush();
    }
}
