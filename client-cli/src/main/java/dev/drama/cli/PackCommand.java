package dev.drama.cli;

import picocli.CommandLine.Command;

@Command(name = "pack", description = "Check, analyse and upload briefing packs.",
        subcommands = {PackCheckCommand.class, PackAnalyseCommand.class, PackUploadCommand.class})
public final class PackCommand {
}
