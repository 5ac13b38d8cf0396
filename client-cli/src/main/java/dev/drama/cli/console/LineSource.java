package dev.drama.cli.console;

import java.io.IOException;

/** Where the console's commands come from: a terminal with line editing, or a plain stream. */
public interface LineSource {

    /** The next line, without its line break; null at the end of input (Ctrl-D, EOF). */
    String readLine() throws IOException;
}
