package dev.drama.cli.console;

import org.jline.utils.AttributedString;

/**
 * Where the console's output goes: above the prompt of a terminal, or to a stream one
 * line per message. Implementations are called from more than one thread and must
 * keep each text whole.
 */
public interface EventSink {

    void show(AttributedString text);
}
