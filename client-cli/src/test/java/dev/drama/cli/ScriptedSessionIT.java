package dev.drama.cli;

import org.junit.jupiter.api.Test;

/**
 * The real binary, as a user runs it: client-cli/src/test/sh/scripted-session.sh starts
 * `./drama server` and drives a trainer and three `./drama join` consoles in scripted
 * mode, then checks what each one saw. Runs after the jar is packaged (mvn verify).
 */
class ScriptedSessionIT {
    @Test
    void aScriptedSessionThroughTheRealBinaryIsSeenAsExpected() throws Exception {
        ShellScript.runAndExpectSuccess("scripted-session.sh");
    }
}
