package dev.drama.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "pack", description = "Check, analyse, simulate and upload briefing packs.",
        subcommands = {PackCheckCommand.class, PackAnalyseCommand.class, PackUploadCommand.class, PackSimulateCommand.class})
public final class PackCommand {
    /** Runs a pack tool; an unexpected failure is a bug, said as such in one line, never a stack trace. */
    static int guarded(String command, Callable<Integer> run) throws Exception {
        try {
            return run.call();
        } catch (RuntimeException e) {
            System.err.println("drama pack " + command + ": failed: " + e + " (this is a bug; please report it with the pack)");
            return 3;
        }
    }
}
