package dev.drama.cli;

import org.junit.jupiter.api.Test;

/**
 * The interactive console in a real pseudo-terminal: client-cli/src/test/sh/console-in-tmux.sh
 * drives `./drama train` and `./drama join` in tmux (Ctrl-C asks, Ctrl-D leaves, seats come
 * back) and prints the screens. Skipped, saying so, where tmux is not installed.
 */
class ConsoleInTmuxIT {
    @Test
    void theConsoleAsksBeforeLeavingAndSeatsComeBackInARealTerminal() throws Exception {
        ShellScript.runAndExpectSuccess("console-in-tmux.sh");
    }
}
