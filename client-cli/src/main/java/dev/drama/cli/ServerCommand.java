package dev.drama.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "server", description = "Run the drama server.")
public final class ServerCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("not written yet");
        return 2;
    }
}
