package dev.drama.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.drama.proto.ClientMessage;
import dev.drama.proto.Hello;
import dev.drama.proto.ProtocolVersion;
import dev.drama.proto.ServerMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a certificate and key the server speaks TLS, and a client trusting that certificate gets through. */
class TlsTest {
    @TempDir
    Path dir;

    @Test
    void aClientTrustingTheServersCertificateIsWelcomed() throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                "-keyout", key.toString(), "-out", cert.toString(), "-days", "1", "-subj", "/CN=localhost")
                .redirectErrorStream(true).start();
        openssl.getInputStream().readAllBytes();
        assumeTrue(openssl.waitFor() == 0, "openssl is needed to make a test certificate");

        try (DramaServer server = DramaServer.start(ServerConfig.builder().host("127.0.0.1").port(0)
                .dataDir(dir.resolve("data")).tls(cert, key).build())) {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trusting(cert).getTrustManagers(), null);
            try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", server.port())) {
                socket.startHandshake();
                ClientMessage.newBuilder().setRequestId(1).setHello(Hello.newBuilder()
                        .setProtocolVersion(ProtocolVersion.PROTOCOL_VERSION_CURRENT)).build()
                        .writeDelimitedTo(socket.getOutputStream());
                ServerMessage reply = ServerMessage.parseDelimitedFrom(socket.getInputStream());
                assertThat(reply.hasWelcome()).isTrue();
            }
        }
    }

    private static TrustManagerFactory trusting(Path certificate) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            store.setCertificateEntry("server", (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory;
    }
}
