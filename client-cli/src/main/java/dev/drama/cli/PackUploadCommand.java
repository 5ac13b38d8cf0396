package dev.drama.cli;

import dev.drama.cli.render.JsonRenderer;
import dev.drama.proto.ClientMessage;
import dev.drama.proto.ServerMessage;
import dev.drama.proto.UploadPack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "upload", mixinStandardHelpOptions = true,
        description = {"Load a pack (a folder, or a .zip of one) onto a running server (trainers only).",
                "The server checks the whole pack before it replaces anything, and lists every problem if it refuses."})
public final class PackUploadCommand implements Callable<Integer> {
    @Mixin
    ServerAddress address;

    @Mixin
    TrainerSecret secret;

    @Parameters(index = "0", paramLabel = "PATH", description = "the pack folder or .zip")
    Path path;

    @Option(names = "--json", description = "print the server's answer as one JSON object")
    boolean json;

    @Override
    public Integer call() {
        byte[] zip;
        try {
            zip = PackZip.of(path);
        } catch (IOException e) {
            System.err.println("drama pack upload: cannot read " + path + ": " + e.getMessage());
            return 1;
        }
        try {
            ServerMessage reply = OneShotRequest.send(address, secret.resolve(), ClientMessage.newBuilder()
                    .setUploadPack(UploadPack.newBuilder().setFileName(PackZip.fileName(path))
                            .setZip(com.google.protobuf.ByteString.copyFrom(zip)))
                    .build());
            System.out.println(json ? JsonRenderer.render(reply) : describe(reply));
            return reply.hasError() ? 2 : 0;
        } catch (TrainerSecret.MissingSecretException | OneShotRequest.FailedException e) {
            System.err.println("drama pack upload: " + e.getMessage());
            return 1;
        }
    }

    static String describe(ServerMessage reply) {
        if (reply.hasError()) {
            return "the server refused the pack:\n" + reply.getError().getMessage().lines()
                    .map(line -> "  " + line).collect(Collectors.joining("\n"));
        }
        if (reply.hasPacks()) {
            return "pack loaded; the server now has: " + reply.getPacks().getPacksList().stream()
                    .map(p -> p.getPackId() + (p.getVersion().isEmpty() ? "" : " v" + p.getVersion()))
                    .collect(Collectors.joining(", "));
        }
        return "pack loaded";
    }

}
