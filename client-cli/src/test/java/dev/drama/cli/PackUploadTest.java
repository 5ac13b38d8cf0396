package dev.drama.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.drama.proto.ClientMessage;
import dev.drama.proto.ServerMessage;
import dev.drama.proto.UploadPack;
import dev.drama.server.DramaServer;
import dev.drama.server.ServerConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackUploadTest {
    @TempDir
    Path temp;

    private Path pack() throws IOException {
        Path folder = temp.resolve("mypack");
        Files.createDirectories(folder.resolve("briefings"));
        Files.createDirectories(folder.resolve(".git"));
        Files.writeString(folder.resolve("pack.yaml"), "id: mypack\n");
        Files.writeString(folder.resolve("briefings/a.md"), "# A\n");
        Files.writeString(folder.resolve(".git/HEAD"), "ref\n");
        Files.writeString(folder.resolve(".DS_Store"), "junk");
        return folder;
    }

    private static List<String> entries(byte[] zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                names.add(entry.getName());
            }
        }
        return names;
    }

    @Test
    void aFolderIsZippedAtTheRootWithoutHiddenFilesAndTheSameEveryTime() throws IOException {
        Path folder = pack();
        byte[] zip = PackZip.of(folder);
        assertEquals(List.of("briefings/a.md", "pack.yaml"), entries(zip));
        assertArrayEquals(zip, PackZip.of(folder));
        assertEquals("mypack.zip", PackZip.fileName(folder));
    }

    @Test
    void aZipIsSentAsItIs() throws IOException {
        Path zip = temp.resolve("given.zip");
        Files.write(zip, PackZip.of(pack()));
        assertArrayEquals(Files.readAllBytes(zip), PackZip.of(zip));
        assertEquals("given.zip", PackZip.fileName(zip));
    }

    @Test
    void aRefusedPackIsReportedWithTheServersProblems() throws Exception {
        try (DramaServer server = DramaServer.start(ServerConfig.defaults().toBuilder().host("127.0.0.1").port(0)
                .dataDir(temp.resolve("data")).build())) {
            ServerAddress address = new ServerAddress();
            address.host = "127.0.0.1";
            address.port = server.port();
            ServerMessage reply = OneShotRequest.send(address, server.trainerSecret(), ClientMessage.newBuilder()
                    .setUploadPack(UploadPack.newBuilder().setFileName("mypack.zip")
                            .setZip(ByteString.copyFrom(PackZip.of(pack()))))
                    .build());
            assertTrue(reply.hasError(), reply.toString());
            String text = PackUploadCommand.describe(reply);
            assertTrue(text.startsWith("the server refused the pack:\n  "), text);
        }
    }

    /** The pack folder with a 200 KB file that does not compress: a zip over the trainee's 64 KiB frame. */
    private Path bigPack() throws IOException {
        Path folder = pack();
        byte[] noise = new byte[200 * 1024];
        new java.util.Random(11).nextBytes(noise);
        Files.write(folder.resolve("briefings/noise.md"), noise);
        return folder;
    }

    private static ClientMessage upload(Path folder) throws IOException {
        return ClientMessage.newBuilder().setUploadPack(UploadPack.newBuilder().setFileName("mypack.zip")
                .setZip(ByteString.copyFrom(PackZip.of(folder)))).build();
    }

    @Test
    void aPackOverTheTraineeFrameLimitReachesATrainersServerAndIsAnswered() throws Exception {
        try (DramaServer server = DramaServer.start(ServerConfig.defaults().toBuilder().host("127.0.0.1").port(0)
                .dataDir(temp.resolve("data")).build())) {
            ServerAddress address = new ServerAddress();
            address.host = "127.0.0.1";
            address.port = server.port();
            ClientMessage big = upload(bigPack());
            assertTrue(big.getSerializedSize() > ServerConfig.Limits.defaults().maxFrameBytes());
            ServerMessage reply = OneShotRequest.send(address, server.trainerSecret(), big,
                    welcome -> PackUploadCommand.fits(big, welcome));
            assertTrue(reply.hasError(), reply.toString());
            assertEquals(dev.drama.proto.ErrorCode.INVALID_PACK, reply.getError().getCode(), reply.toString());
        }
    }

    @Test
    void aPackOverTheServersLimitIsRefusedBeforeItIsSent() throws Exception {
        int limit = 100 * 1024;
        try (DramaServer server = DramaServer.start(ServerConfig.defaults().toBuilder().host("127.0.0.1").port(0)
                .dataDir(temp.resolve("data"))
                .defences(ServerConfig.Defences.defaults().withTrainerMaxFrameBytes(limit)).build())) {
            ServerAddress address = new ServerAddress();
            address.host = "127.0.0.1";
            address.port = server.port();
            ClientMessage big = upload(bigPack());
            OneShotRequest.FailedException refused = org.junit.jupiter.api.Assertions.assertThrows(
                    OneShotRequest.FailedException.class, () -> OneShotRequest.send(address, server.trainerSecret(), big,
                            welcome -> PackUploadCommand.fits(big, welcome)));
            assertTrue(refused.getMessage().contains("uploads of up to 102,400 bytes"), refused.getMessage());
            assertTrue(refused.getMessage().contains("nothing was sent"), refused.getMessage());
        }
    }
}
