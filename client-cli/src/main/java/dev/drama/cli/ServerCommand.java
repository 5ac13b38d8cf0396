package dev.drama.cli;

import dev.drama.server.DramaServer;
import dev.drama.server.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Run the drama server with the bundled packs (and any in --packs).")
public final class ServerCommand implements Callable<Integer> {
    private final ServerConfig defaults = ServerConfig.defaults();
    private final ServerConfig.Limits limits = defaults.limits();

    @Option(names = "--host", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host = defaults.host();

    @Option(names = {"-p", "--port"}, description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port = defaults.port();

    @Option(names = "--http-port", paramLabel = "PORT",
            description = "Port of the browser dashboard and projector view (default: the game port + 1; 0: none).")
    Integer httpPort;

    @Option(names = {"-d", "--data"}, description = "Data folder: journals and the trainer secret (default: ${DEFAULT-VALUE}).")
    Path data = defaults.dataDir();

    @Option(names = "--packs", description = "A folder of extra packs, watched for changes; uploads are saved there (default: DATA/packs).")
    Path packs;

    @Option(names = "--tls-cert", description = "PEM certificate chain: serve over TLS (with --tls-key).")
    Path tlsCert;

    @Option(names = "--tls-key", description = "PEM private key (PKCS#8) for --tls-cert.")
    Path tlsKey;

    @Option(names = "--idle-timeout", description = "Close a connection silent this long, in seconds (default: ${DEFAULT-VALUE}).")
    long idleSeconds = defaults.idleTimeout().toSeconds();

    @Option(names = "--max-frame", description = "Largest frame in bytes (default: ${DEFAULT-VALUE}).")
    int maxFrame = limits.maxFrameBytes();

    @Option(names = "--max-upload", description = "Largest frame in bytes from a trainer (the secret given): pack uploads"
            + " (default: ${DEFAULT-VALUE}).")
    int maxUpload = defaults.defences().trainerMaxFrameBytes();

    @Option(names = "--max-text", description = "Longest talk in characters (default: ${DEFAULT-VALUE}).")
    int maxText = limits.maxTextChars();

    @Option(names = "--rate", description = "Commands per second per connection (default: ${DEFAULT-VALUE}).")
    int rate = limits.commandsPerSecond();

    @Option(names = "--burst", description = "Commands a connection may send at once (default: ${DEFAULT-VALUE}).")
    int burst = limits.commandBurst();

    @Option(names = "--max-sessions", description = "Sessions on this server (default: ${DEFAULT-VALUE}).")
    int maxSessions = limits.maxSessions();

    @Option(names = "--max-participants", description = "Participants per session (default: ${DEFAULT-VALUE}).")
    int maxParticipants = limits.maxParticipantsPerSession();

    @Option(names = "--max-connections-per-address", description = "Connections from one address (default: ${DEFAULT-VALUE}).")
    int maxPerAddress = limits.maxConnectionsPerAddress();

    @Option(names = "--bot-think", paramLabel = "DURATION",
            description = "How long computer players think before each move, on average, e.g. 4s, 500ms or 0 (default: 4s).")
    String botThink = "4s";

    /** "4s", "500ms", "2m" or a bare number of seconds. */
    static Duration duration(String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        if (t.endsWith("s")) {
            return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
        }
        if (t.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
        }
        return Duration.ofSeconds(Long.parseLong(t));
    }

    @Override
    public Integer call() throws InterruptedException {
        Duration think;
        try {
            think = duration(botThink);
        } catch (NumberFormatException e) {
            System.err.println("drama server: --bot-think takes a duration such as 4s, 500ms or 0, not '" + botThink + "'");
            return 2;
        }
        if ((tlsCert == null) != (tlsKey == null)) {
            System.err.println("drama server: --tls-cert and --tls-key go together");
            return 2;
        }
        ServerConfig config = defaults.toBuilder()
                .host(host).port(port).dataDir(data).packsDir(packs)
                .idleTimeout(Duration.ofSeconds(idleSeconds))
                .limits(new ServerConfig.Limits(maxFrame, maxText, rate, burst, limits.offersPerMinute(), maxSessions,
                        maxParticipants, maxPerAddress, limits.outboundBufferBytes()))
                .defences(defaults.defences().withTrainerMaxFrameBytes(maxUpload))
                .tls(tlsCert, tlsKey)
                .botThink(think)
                .httpPort(httpPort == null ? ServerConfig.HTTP_BESIDE_GAME_PORT
                        : httpPort == 0 ? ServerConfig.HTTP_DISABLED : httpPort)
                .build();
        DramaServer server;
        try {
            server = DramaServer.start(config);
        } catch (Exception e) {  // Netty rethrows a BindException undeclared
            System.err.println("drama server: cannot start on " + host + ":" + port + ": " + rootMessage(e));
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "shutdown"));
        System.out.println("drama server on port " + server.port()
                + (server.httpPort() > 0 ? "; browser views on port " + server.httpPort() : "")
                + "; trainer secret in " + config.trainerSecretFile().toAbsolutePath());
        System.out.flush();
        server.awaitClose();
        return 0;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }
}
