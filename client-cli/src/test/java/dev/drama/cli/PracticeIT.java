package dev.drama.cli;

import org.junit.jupiter.api.Test;

/**
 * Practising alone through the real binary: client-cli/src/test/sh/practice.sh runs
 * `./drama practice` in scripted mode on every bundled pack with one human script, the other
 * characters computer-played, and checks each goes from the briefing to the printed debrief.
 */
class PracticeIT {
    @Test
    void practiceCompletesOnEveryBundledPack() throws Exception {
        ShellScript.runAndExpectSuccess("practice.sh");
    }
}
