package dev.drama.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options every console (train, join, watch) shares. */
public final class ConsoleOptions {
    @Mixin
    ServerAddress address;

    @Option(names = "--script",
            description = "scripted mode even on a terminal: commands from stdin, one JSON object per line on stdout")
    boolean script;
}
