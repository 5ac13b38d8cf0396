package dev.drama.cli;

import dev.drama.proto.AttachTrainer;
import dev.drama.proto.ClientMessage;
import dev.drama.proto.CreateSession;
import dev.drama.proto.Role;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Open a trainer console: start or take over sessions, steer them, see everything.",
                "Without --pack or --attach, use /packs, /new PACK, /sessions and /attach CODE in the console."})
public final class TrainCommand implements Callable<Integer> {
    @Mixin
    ConsoleOptions console;

    @Mixin
    TrainerSecret secret;

    static final class Start {
        @Option(names = "--pack", paramLabel = "PACK", description = "start a new session from this pack")
        String pack;

        @Option(names = "--attach", paramLabel = "CODE", description = "take the trainer seat of a running session")
        String attach;
    }

    @ArgGroup(exclusive = true)
    Start start;

    @Override
    public Integer call() throws Exception {
        String trainerSecret;
        try {
            trainerSecret = secret.resolve();
        } catch (TrainerSecret.MissingSecretException e) {
            System.err.println("drama train: " + e.getMessage());
            return 1;
        }
        ClientMessage opening = null;
        if (start != null && start.pack != null) {
            opening = ClientMessage.newBuilder().setCreateSession(CreateSession.newBuilder().setPackId(start.pack)).build();
        } else if (start != null && start.attach != null) {
            opening = ClientMessage.newBuilder().setAttachTrainer(
                    AttachTrainer.newBuilder().setJoinCode(start.attach)).build();
        }
        return new ConsoleLauncher().run(new ConsoleLauncher.Spec(console.address, console.script, Role.TRAINER,
                trainerSecret, opening, "train"));
    }
}
