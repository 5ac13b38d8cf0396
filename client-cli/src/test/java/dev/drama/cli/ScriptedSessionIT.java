package dev.drama.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The real binary, as a user runs it: client-cli/src/test/sh/scripted-session.sh starts
 * `./drama server` and drives a trainer and three `./drama join` consoles in scripted
 * mode, then checks what each one saw. Runs after the jar is packaged (mvn verify).
 */
class ScriptedSessionIT {
    @Test
    void aScriptedSessionThroughTheRealBinaryIsSeenAsExpected() throws Exception {
        Path script = Path.of("src/test/sh/scripted-session.sh").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
        builder.environment().put("DRAMA_NO_BUILD", "1");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        System.out.println(output);
        assertEquals(0, finished ? process.exitValue() : -1, "the scripted session failed:\n" + output);
    }
}
