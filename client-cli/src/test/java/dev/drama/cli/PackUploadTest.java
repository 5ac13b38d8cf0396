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
}
