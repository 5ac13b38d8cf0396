package dev.drama.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drama.proto.Role;
import dev.drama.proto.ServerMessage;
import dev.drama.server.DramaServer;
import dev.drama.server.ServerConfig;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A console reaches a TLS server when it trusts the server's certificate, and only then. */
class TlsConnectionTest {
    @TempDir
    static Path temp;

    private static DramaServer server;
    private static Path certificate;

    /** Once for the class: making an RSA key and starting a server are the slow parts. */
    @BeforeAll
    static void startTlsServer() throws Exception {
        certificate = temp.resolve("server.crt");
        Path key = temp.resolve("server.key");
        selfSigned(certificate, key);
        server = DramaServer.start(ServerConfig.defaults().toBuilder().host("127.0.0.1").port(0)
                .dataDir(temp.resolve("data")).tls(certificate, key).build());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private ServerAddress address(Path trust) {
        ServerAddress address = new ServerAddress();
        address.host = "127.0.0.1";
        address.port = server.port();
        address.trustCert = trust;
        return address;
    }

    @Test
    void trustingTheServersCertificateGetsATrainerIn() throws Exception {
        ScriptedClient trainer = new ScriptedClient(new ConsoleLauncher.Spec(address(certificate), true, Role.TRAINER,
                server.trainerSecret(), null, "train")).script("/packs");
        assertEquals(0, trainer.exit().get(30, TimeUnit.SECONDS));
        assertTrue(trainer.messages().stream().anyMatch(ServerMessage::hasPacks), trainer.lines().toString());
    }

    @Test
    void plainTcpToATlsServerFailsCleanly() throws Exception {
        ScriptedClient trainer = new ScriptedClient(new ConsoleLauncher.Spec(address(null), true, Role.TRAINER,
                server.trainerSecret(), null, "train")).script("/packs");
        assertEquals(1, trainer.exit().get(60, TimeUnit.SECONDS));
        assertTrue(trainer.lines().get(0).startsWith("{\"localError\":"), trainer.lines().toString());
    }

    /** A self-signed certificate and its PKCS#8 key as PEM files, made with the JDK's keytool. */
    private static void selfSigned(Path certificateFile, Path keyFile) throws Exception {
        Path store = temp.resolve("server.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "drama", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=localhost", "-validity", "2", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), output);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, "changeit".toCharArray());
        }
        Key key = keys.getKey("drama", "changeit".toCharArray());
        Certificate cert = keys.getCertificate("drama");
        Files.writeString(certificateFile, pem("CERTIFICATE", cert.getEncoded()));
        Files.writeString(keyFile, pem("PRIVATE KEY", key.getEncoded()));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
