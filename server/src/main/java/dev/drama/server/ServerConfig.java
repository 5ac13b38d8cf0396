package dev.drama.server;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything an operator can tune, with defaults that suit a training room on one
 * modest machine. Immutable; build changed copies with {@link #toBuilder()}.
 */
public record ServerConfig(
        String host,
        int port,
        Path dataDir,
        Path packsDir,
        Limits limits,
        Duration idleTimeout,
        Duration resumeGrace,
        Path tlsCertificate,
        Path tlsKey,
        Defences defences,
        int httpPort,
        long logSegmentBytes,
        Duration botThink,
        BotMaker botMaker) {

    /** Makes the policy that plays a computer-played character: the stance bots, or a test's scripted one. */
    @FunctionalInterface
    public interface BotMaker {
        dev.drama.bots.Bot make(dev.drama.bots.Self self, dev.drama.bots.Stance stance, long seed);
    }

    public static final int DEFAULT_PORT = 4710;
    /** {@link #httpPort()}: the game port + 1 (or any free port when the game port is 0). */
    public static final int HTTP_BESIDE_GAME_PORT = -1;
    /** {@link #httpPort()}: no browser views. */
    public static final int HTTP_DISABLED = -2;

    /** What one client, one session and the whole server may use. */
    public record Limits(
            int maxFrameBytes,
            int maxTextChars,
            int commandsPerSecond,
            int commandBurst,
            int offersPerMinute,
            int maxSessions,
            int maxParticipantsPerSession,
            int maxConnectionsPerAddress,
            int outboundBufferBytes) {

        public static Limits defaults() {
            return new Limits(64 * 1024, 2_000, 20, 40, 12, 200, 30, 64, 1024 * 1024);
        }
    }

    /**
     * What stops one client from hurting the others: guessing, floods that do not quite
     * stop, trickled frames, talk that fills memory, log flooding.
     */
    public record Defences(
            // Wrong join codes and resume tokens one address may try, per minute (also its burst).
            int failedLookupsPerAddressPerMinute,
            // Wrong join codes and resume tokens the whole server answers, per minute (also its burst).
            int failedLookupsPerMinute,
            // Refused (over-rate) commands tolerated within refusalWindow before a disconnection.
            int refusalsPerWindow,
            Duration refusalWindow,
            // A frame begun must be complete within this, or the connection is closed.
            Duration frameDeadline,
            // The largest frame from a connection that presented the trainer secret (pack uploads).
            int trainerMaxFrameBytes,
            // Talk and offers (their stored bytes) one character may leave in a session.
            int talkBytesPerCharacter,
            // Talk and offers (their stored bytes) one session keeps.
            int talkBytesPerSession,
            // Log lines about one address per second, after a burst of LOG_BURST.
            int logLinesPerAddressPerSecond) {

        public static final int LOG_BURST = 40;

        public static Defences defaults() {
            // A trainer's frame holds the largest pack zip the server would take, and the rest of the command.
            return new Defences(30, 3_000, 50, Duration.ofSeconds(10), Duration.ofSeconds(30),
                    dev.drama.scenarios.load.PackFiles.MAX_ZIP_BYTES + 64 * 1024, 256 * 1024, 4 * 1024 * 1024, 2);
        }

        public Defences withTrainerMaxFrameBytes(int value) {
            return new Defences(failedLookupsPerAddressPerMinute, failedLookupsPerMinute, refusalsPerWindow, refusalWindow,
                    frameDeadline, value, talkBytesPerCharacter, talkBytesPerSession, logLinesPerAddressPerSecond);
        }
    }

    public static ServerConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.host = host;
        b.port = port;
        b.dataDir = dataDir;
        b.packsDir = packsDir;
        b.limits = limits;
        b.idleTimeout = idleTimeout;
        b.resumeGrace = resumeGrace;
        b.tlsCertificate = tlsCertificate;
        b.tlsKey = tlsKey;
        b.defences = defences;
        b.httpPort = httpPort;
        b.logSegmentBytes = logSegmentBytes;
        b.botThink = botThink;
        b.botMaker = botMaker;
        return b;
    }

    public boolean tlsEnabled() {
        return tlsCertificate != null && tlsKey != null;
    }

    public boolean httpEnabled() {
        return httpPort != HTTP_DISABLED;
    }

    /** The port the browser views bind: 0 picks a free one. */
    public int effectiveHttpPort() {
        if (httpPort != HTTP_BESIDE_GAME_PORT) {
            return httpPort;
        }
        return port == 0 ? 0 : port + 1;
    }

    public Path trainerSecretFile() {
        return dataDir.resolve("trainer.secret");
    }

    /** Where extra and uploaded packs live: the given folder, else the data folder's {@code packs}. */
    public Path effectivePacksDir() {
        return packsDir != null ? packsDir : dataDir.resolve("packs");
    }

    public Path sessionsDir() {
        return dataDir.resolve("sessions");
    }

    /** The server's write-ahead log: every live session's records, in segments of {@link #logSegmentBytes()}. */
    public Path logDir() {
        return dataDir.resolve("log");
    }

    public static final class Builder {
        private String host = "0.0.0.0";
        private int port = DEFAULT_PORT;
        private Path dataDir = Path.of("drama-data");
        private Path packsDir;
        private Limits limits = Limits.defaults();
        private Duration idleTimeout = Duration.ofSeconds(45);
        private Duration resumeGrace = Duration.ofMinutes(10);
        private Path tlsCertificate;
        private Path tlsKey;
        private Defences defences = Defences.defaults();
        private int httpPort = HTTP_BESIDE_GAME_PORT;
        private long logSegmentBytes = 64L << 20;
        private Duration botThink = Duration.ofSeconds(4);
        private BotMaker botMaker = dev.drama.bots.Bots::create;

        public Builder host(String value) { host = value; return this; }
        public Builder port(int value) { port = value; return this; }
        public Builder dataDir(Path value) { dataDir = value; return this; }
        /**
         * A folder of extra packs, watched for changes; uploads are saved there. Default: the
         * data folder's {@code packs}. The bundled packs are always loaded.
         */
        public Builder packsDir(Path value) { packsDir = value; return this; }
        public Builder limits(Limits value) { limits = value; return this; }
        public Builder idleTimeout(Duration value) { idleTimeout = value; return this; }
        public Builder resumeGrace(Duration value) { resumeGrace = value; return this; }
        public Builder tls(Path certificate, Path key) { tlsCertificate = certificate; tlsKey = key; return this; }
        public Builder defences(Defences value) { defences = value; return this; }
        /** The browser views' port: a number (0 picks a free one), {@link #HTTP_BESIDE_GAME_PORT} or {@link #HTTP_DISABLED}. */
        public Builder httpPort(int value) { httpPort = value; return this; }
        /** The size at which the log starts a new segment (64 MiB by default). */
        public Builder logSegmentBytes(long value) { logSegmentBytes = value; return this; }
        /**
         * How long a computer player thinks before each move, on average (each pause is drawn
         * between half and one and a half times it, so moves do not come in lockstep); zero: at once.
         */
        public Builder botThink(Duration value) { botThink = value; return this; }
        public Builder botMaker(BotMaker value) { botMaker = value; return this; }

        public ServerConfig build() {
            return new ServerConfig(host, port, dataDir, packsDir, limits, idleTimeout, resumeGrace, tlsCertificate, tlsKey,
                    defences, httpPort, logSegmentBytes, botThink, botMaker);
        }
    }
}
