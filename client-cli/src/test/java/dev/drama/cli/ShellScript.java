package dev.drama.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Runs one of the shell tests in src/test/sh against the packaged binary, printing what it said. */
final class ShellScript {
    private ShellScript() {
    }

    /** A script's exit status for "cannot run here" (tmux missing, say): the test is skipped with its output. */
    private static final int SKIPPED = 3;

    /**
     * Fails the test, with the script's output, unless the script exits 0 within five minutes;
     * skips it, saying why, when the script exits {@value #SKIPPED}.
     */
    static void runAndExpectSuccess(String name) throws Exception {
        Path script = Path.of("src/test/sh", name).toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
        builder.environment().put("DRAMA_NO_BUILD", "1");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        System.out.println(output);
        Assumptions.assumeFalse(finished && process.exitValue() == SKIPPED, output.strip());
        assertEquals(0, finished ? process.exitValue() : -1, name + " failed:\n" + output);
    }
}
