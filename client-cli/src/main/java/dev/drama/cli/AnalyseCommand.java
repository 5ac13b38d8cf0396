package dev.drama.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "analyse", description = "Not written yet.")
public final class AnalyseCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("not written yet");
        return 2;
    }
}
