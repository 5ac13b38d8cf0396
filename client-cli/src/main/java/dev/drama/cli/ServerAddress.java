package dev.drama.cli;

import dev.drama.cli.net.ServerConnection;
import dev.drama.proto.Hello;
import dev.drama.server.ServerConfig;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.net.ssl.SSLException;
import picocli.CommandLine.Option;

/** --host, --port and the TLS options, shared by every command that talks to a server. */
public final class ServerAddress {
    @Option(names = "--host", defaultValue = "localhost", description = "server host (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--port", defaultValue = "" + ServerConfig.DEFAULT_PORT,
            description = "server port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--tls", description = "connect over TLS, trusting the certificates the JDK trusts")
    boolean tls;

    @Option(names = "--trust-cert", paramLabel = "FILE",
            description = "connect over TLS, trusting exactly this PEM certificate (e.g. the server's self-signed one)")
    Path trustCert;

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** Connection settings for this address. */
    public ServerConnection.Settings settings(Hello hello) throws SSLException {
        return ServerConnection.Settings.of(host, port, hello).withSsl(sslContext());
    }

    /**
     * Null without TLS. With --trust-cert the certificate is pinned: the name in it need
     * not match the host (a training room's server is often reached by a bare IP), but
     * nothing else is trusted. With --tls alone the JDK's trust store and host name
     * verification apply.
     */
    SslContext sslContext() throws SSLException {
        if (trustCert != null) {
            if (!Files.isRegularFile(trustCert)) {
                throw new SSLException("no certificate file " + trustCert);
            }
            return SslContextBuilder.forClient().trustManager(trustCert.toFile())
                    .endpointIdentificationAlgorithm(null).build();
        }
        if (tls) {
            return SslContextBuilder.forClient().endpointIdentificationAlgorithm("HTTPS").build();
        }
        return null;
    }
}
