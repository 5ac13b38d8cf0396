package dev.drama.cli;

import dev.drama.cli.files.UserFiles;
import dev.drama.proto.AttachTrainer;
import dev.drama.proto.ClientMessage;
import dev.drama.proto.CreateCohort;
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

        @Option(names = "--attach", paramLabel = "CODE",
                description = "take a trainer seat of a running session (your own again, or beside the trainers there)")
        String attach;
    }

    @ArgGroup(exclusive = true)
    Start start;

    @Option(names = "--groups", paramLabel = "N", defaultValue = "0",
            description = {"with --pack: start a cohort of N sessions of the pack (breakout groups, 2 to 12), each with "
                    + "its own join code, compared side by side on the cohort page"})
    int groups;

    @Option(names = "--name", defaultValue = "", paramLabel = "NAME",
            description = {"your name as trainer, in /who and in talk (default: Trainer, or Trainer 2... beside "
                    + "connected trainers).", "Attaching again under your name gives you your own seat back."})
    String name;

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
        if (groups != 0 && (start == null || start.pack == null)) {
            System.err.println("drama train: --groups needs --pack (the pack every group plays)");
            return 1;
        }
        if (groups != 0) {
            opening = ClientMessage.newBuilder().setCreateCohort(CreateCohort.newBuilder().setPackId(start.pack)
                    .setGroups(groups).setDisplayName(name)).build();
        } else if (start != null && start.pack != null) {
            opening = ClientMessage.newBuilder().setCreateSession(CreateSession.newBuilder().setPackId(start.pack)
                    .setDisplayName(name)).build();
        } else if (start != null && start.attach != null) {
            opening = ClientMessage.newBuilder().setAttachTrainer(
                    AttachTrainer.newBuilder().setJoinCode(start.attach).setDisplayName(name)).build();
        }
        return new ConsoleLauncher().run(new ConsoleLauncher.Spec(console.address, console.script, Role.TRAINER,
                trainerSecret, opening, "train", name, UserFiles.ofUser()));
    }
}
