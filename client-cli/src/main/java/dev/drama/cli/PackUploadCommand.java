package dev.drama.cli;

import dev.drama.cli.render.JsonRenderer;
import dev.drama.proto.ClientMessage;
import dev.drama.proto.ServerMessage;
import dev.drama.proto.UploadPack;
import dev.drama.proto.Welcome;
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
        ClientMessage upload = ClientMessage.newBuilder()
                .setUploadPack(UploadPack.newBuilder().setFileName(PackZip.fileName(path))
                        .setZip(com.google.protobuf.ByteString.copyFrom(zip)))
                .build();
        try {
            ServerMessage reply = OneShotRequest.send(address, secret.resolve(), upload, welcome -> fits(upload, welcome));
            System.out.println(json ? JsonRenderer.render(reply) : describe(reply));
            return reply.hasError() ? 2 : 0;
        } catch (TrainerSecret.MissingSecretException | OneShotRequest.FailedException e) {
            System.err.println("drama pack upload: " + e.getMessage());
            return 1;
        }
    }

    /** Room in a frame for the request id the connection adds to the command. */
    private static final int REQUEST_ID_BYTES = 11;

    /**
     * Refuses, before sending, an upload the server would refuse for its size: it would
     * close the connection mid-upload, and all the trainer would see is "connection lost".
     */
    static void fits(ClientMessage upload, Welcome welcome) throws OneShotRequest.FailedException {
        long limit = welcome.getMaxFrameBytes();
        long size = upload.getSerializedSize() + REQUEST_ID_BYTES;
        if (limit > 0 && size > limit) {
            throw new OneShotRequest.FailedException(String.format(java.util.Locale.ROOT,
                    "the pack is %,d bytes zipped; this server takes uploads of up to %,d bytes (its --max-upload);"
                            + " nothing was sent", size, limit));
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
