package dev.drama.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The interactive console in a real pseudo-terminal: client-cli/src/test/sh/console-in-tmux.sh
 * drives `./drama train` and `./drama join` in tmux (Ctrl-C asks, Ctrl-D leaves, seats come
 * back) and prints the screens. Skipped, saying so, where tmux is not installed.
 */
class ConsoleInTmuxIT {
    @Test
    void theConsoleAsksBeforeLeavingAndSeatsComeBackInARealTerminal() throws Exception {
        Path script = Path.of("src/test/sh/console-in-tmux.sh").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
        builder.environment().put("DRAMA_NO_BUILD", "1");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        System.out.println(output);
        Assumptions.assumeFalse(finished && process.exitValue() == 3, output.strip());
        assertEquals(0, finished ? process.exitValue() : -1, "the console in tmux failed:\n" + output);
    }
}
