package dev.drama.cli;

import dev.drama.cli.console.ConsoleState;
import dev.drama.cli.render.HumanRenderer;
import dev.drama.cli.render.JsonRenderer;
import dev.drama.proto.ClientMessage;
import dev.drama.proto.ListSessions;
import dev.drama.proto.Role;
import dev.drama.proto.ServerMessage;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "sessions", mixinStandardHelpOptions = true,
        description = "List the sessions on a server (trainers only).")
public final class SessionsCommand implements Callable<Integer> {
    @Mixin
    ServerAddress address;

    @Mixin
    TrainerSecret secret;

    @Option(names = "--json", description = "print the server's answer as one JSON object")
    boolean json;

    @Override
    public Integer call() {
        try {
            ServerMessage reply = OneShotRequest.send(address, secret.resolve(),
                    ClientMessage.newBuilder().setListSessions(ListSessions.getDefaultInstance()).build());
            System.out.println(json ? JsonRenderer.render(reply)
                    : new HumanRenderer(new ConsoleState(Role.TRAINER)).render(reply).toString());
            return reply.hasError() ? 2 : 0;
        } catch (TrainerSecret.MissingSecretException | OneShotRequest.FailedException e) {
            System.err.println("drama sessions: " + e.getMessage());
            return 1;
        }
    }
}
