package dev.drama.cli;

import dev.drama.cli.files.UserFiles;
import dev.drama.proto.ClientMessage;
import dev.drama.proto.Role;
import dev.drama.proto.Watch;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Watch a session as an observer: the public board and public talk.")
public final class WatchCommand implements Callable<Integer> {
    @Mixin
    ConsoleOptions console;

    @Parameters(index = "0", paramLabel = "CODE", description = "the session's join code")
    String code;

    @Option(names = "--name", defaultValue = "", paramLabel = "NAME",
            description = "your name, as others will see it (default: Observer, or Observer 2... when taken)")
    String name;

    @Override
    public Integer call() throws Exception {
        ClientMessage opening = ClientMessage.newBuilder().setWatch(
                Watch.newBuilder().setJoinCode(code).setDisplayName(name)).build();
        return new ConsoleLauncher().run(new ConsoleLauncher.Spec(console.address, console.script, Role.OBSERVER,
                null, opening, "watch", name, UserFiles.ofUser()));
    }
}
