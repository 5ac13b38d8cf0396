package dev.drama.cli;

import dev.drama.cli.files.UserFiles;
import dev.drama.proto.ClientMessage;
import dev.drama.proto.Join;
import dev.drama.proto.Role;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "join", mixinStandardHelpOptions = true,
        description = "Join a session as a trainee, with the join code the trainer gives you.")
public final class JoinCommand implements Callable<Integer> {
    @Mixin
    ConsoleOptions console;

    @Parameters(index = "0", paramLabel = "CODE", description = "the session's join code")
    String code;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "your name, as others will see it; the same name again takes your seat back")
    String name;

    @Option(names = "--character", paramLabel = "ID", description = "the character you would like to play")
    String character;

    @Override
    public Integer call() throws Exception {
        ClientMessage opening = ClientMessage.newBuilder().setJoin(Join.newBuilder()
                .setJoinCode(code).setDisplayName(name)
                .setCharacterId(character == null ? "" : character)).build();
        return new ConsoleLauncher().run(new ConsoleLauncher.Spec(console.address, console.script, Role.TRAINEE,
                null, opening, "join", name, UserFiles.ofUser()));
    }
}
