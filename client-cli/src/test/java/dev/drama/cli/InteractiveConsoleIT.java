package dev.drama.cli;

import org.junit.jupiter.api.Test;

/**
 * The interactive console in real pseudo-terminals: client-cli/src/test/sh/interactive-console.sh
 * drives the trainer's and a trainee's consoles through tmux (typed keys, a bracketed
 * paste) and reads their screens back: Markdown briefings wrapped to the terminal,
 * offers in labels, the questions before a broadcast and a paste. Skips, saying so,
 * where tmux is not installed. Runs after the jar is packaged (mvn verify).
 */
class InteractiveConsoleIT {
    @Test
    void theConsolesReadWellInARealTerminal() throws Exception {
        ShellScript.runAndExpectSuccess("interactive-console.sh");
    }
}
