package dev.drama.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "check", description = "Not written yet.")
public final class PackCheckCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("not written yet");
        return 2;
    }
}
