package dev.drama.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "drama", mixinStandardHelpOptions = true,
        subcommands = {ServerCommand.class, AnalyseCommand.class, PackCommand.class})
public final class DramaCommand {
    public static void main(String[] args) {
        System.exit(new CommandLine(new DramaCommand()).execute(args));
    }
}
