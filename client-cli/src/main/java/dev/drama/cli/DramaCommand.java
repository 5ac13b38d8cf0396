package dev.drama.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "drama", mixinStandardHelpOptions = true, version = "drama 0.1",
        description = {"An immersive-drama role-play server and its consoles.",
                "Start with: drama server   |   drama train --pack PACK   |   drama join CODE --name NAME"},
        subcommands = {ServerCommand.class, TrainCommand.class, JoinCommand.class, WatchCommand.class,
                SessionsCommand.class, AnalyseCommand.class, PackCommand.class, PracticeCommand.class})
public final class DramaCommand implements Runnable {
    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new DramaCommand()).execute(args));
    }

    /** Without a subcommand: explain what there is. */
    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
