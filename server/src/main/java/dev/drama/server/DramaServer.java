package dev.drama.server;

import dev.drama.scenarios.registry.PackRegistry;
import dev.drama.server.cohort.CohortFiles;
import dev.drama.server.cohort.Cohorts;
import dev.drama.server.journal.Journal;
import dev.drama.server.journal.OwnerOnly;
import dev.drama.server.net.ConnectionLimiter;
import dev.drama.server.net.DramaChannelInitializer;
import dev.drama.server.net.Lobby;
import dev.drama.server.net.LookupGuard;
import dev.drama.server.net.SourceLog;
import dev.drama.server.session.SessionRegistry;
import dev.drama.server.web.DashboardAddress;
import dev.drama.server.web.StaticSite;
import dev.drama.server.web.WebChannelInitializer;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.concurrent.DefaultEventExecutor;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.EventExecutorGroup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running server: packs loaded, sessions recovered from their journals, port bound.
 * Network I/O runs on Netty's event loops; session work runs on a separate group of
 * single-threaded executors, each session pinned to one of them.
 */
public final class DramaServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DramaServer.class);
    private static final long SWEEP_SECONDS = 5;
    private static final int BACKGROUND_QUEUE = 16;

    private final ServerConfig config;
    private final TrainerSecret secret;
    private final PackRegistry packs;
    private final Journal journal;
    private final EventExecutorGroup sessionExecutors;
    private final SessionRegistry sessions;
    private final Cohorts cohorts;
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    /** Work that must not run on a network thread: checking uploaded packs, sweeping the per-address limits. */
    private final EventExecutor background;
    private final Channel serverChannel;
    /** The browser views' port; null when the server serves none. */
    private final Channel webChannel;

    private DramaServer(ServerConfig config) throws IOException, InterruptedException {
        this.config = config;
        OwnerOnly.directory(config.dataDir()); // briefings, private talk, the trainer secret
        OwnerOnly.directory(config.sessionsDir());
        this.secret = TrainerSecret.loadOrCreate(config.trainerSecretFile());
        this.packs = new PackRegistry(Files.createDirectories(config.effectivePacksDir()));
        packs.addListener(event -> log.info("packs: {}", event));
        packs.start();
        this.journal = new Journal(config.logDir(), config.logSegmentBytes());
        this.sessionExecutors = new DefaultEventExecutorGroup(Math.max(2, Runtime.getRuntime().availableProcessors()),
                r -> {
                    Thread t = new Thread(r, "session");
                    t.setDaemon(true);  // a failed start must not leave the process hanging
                    return t;
                });
        this.sessions = new SessionRegistry(config.sessionsDir(), journal, sessionExecutors, packs,
                System::currentTimeMillis, config);
        int recovered = sessions.recover();
        this.cohorts = new Cohorts(new CohortFiles(config.dataDir().resolve("cohorts")), sessions, packs,
                System::currentTimeMillis);
        int cohortsRecovered = cohorts.recover();
        SslContext ssl = config.tlsEnabled()
                ? SslContextBuilder.forServer(config.tlsCertificate().toFile(), config.tlsKey().toFile()).build() : null;
        this.boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        this.workers = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
        // A short queue: a trainer who uploads faster than packs are checked is told to wait.
        this.background = new DefaultEventExecutor(null, r -> {
            Thread t = new Thread(r, "background");
            t.setDaemon(true);
            return t;
        }, BACKGROUND_QUEUE, io.netty.util.concurrent.RejectedExecutionHandlers.reject());
        ServerConfig.Defences defences = config.defences();
        LookupGuard guesses = new LookupGuard(defences.failedLookupsPerAddressPerMinute(),
                defences.failedLookupsPerMinute(), System::nanoTime);
        SourceLog lines = new SourceLog(defences.logLinesPerAddressPerSecond(), ServerConfig.Defences.LOG_BURST,
                System::nanoTime);
        background.scheduleAtFixedRate(() -> {
            guesses.sweep();
            lines.sweep();
        }, SWEEP_SECONDS, SWEEP_SECONDS, TimeUnit.SECONDS);
        Lobby lobby = new Lobby(sessions, cohorts, packs, secret, guesses, background);
        // One count per address over both ports.
        ConnectionLimiter connections = new ConnectionLimiter(config.limits().maxConnectionsPerAddress());
        Channel game = null;
        try {
            game = bind(new DramaChannelInitializer(config, ssl, lobby, lines, connections), config.port());
            this.webChannel = config.httpEnabled() ? bindWeb(ssl, lobby, lines, connections) : null;
            this.serverChannel = game;
        } catch (Exception e) {  // Netty rethrows a BindException undeclared
            // For instance the port is taken: stop what was started, so the process can exit.
            if (game != null) {
                game.close().syncUninterruptibly();
            }
            boss.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            workers.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            sessionExecutors.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            background.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            journal.close();
            packs.close();
            throw e;
        }
        log.info("drama server listening on {}:{}{}; data in {}; {} packs (extra packs and uploads in {}); {} sessions "
                        + "and {} cohorts recovered",
                config.host(), port(), ssl != null ? " (TLS)" : "", config.dataDir().toAbsolutePath(),
                packs.list().size(), config.effectivePacksDir().toAbsolutePath(), recovered, cohortsRecovered);
        if (webChannel != null) {
            lobby.serveDashboard(new DashboardAddress(httpPort(), ssl != null));
            log.info("browser views (dashboard and projector) on {}:{}{}", config.host(), httpPort(), ssl != null ? " (HTTPS)" : "");
        }
        log.info("trainer secret in {}", secret.file().toAbsolutePath());
    }

    private Channel bind(ChannelInitializer<?> initializer, int port) throws InterruptedException {
        return new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(initializer)
                .bind(new InetSocketAddress(config.host(), port))
                .sync().channel();
    }

    private Channel bindWeb(SslContext ssl, Lobby lobby, SourceLog lines, ConnectionLimiter connections)
            throws IOException, InterruptedException {
        try {
            return bind(new WebChannelInitializer(config, ssl, lobby, lines, StaticSite.fromClasspath(), connections),
                    config.effectiveHttpPort());
        } catch (Exception e) {  // a BindException, undeclared: say which of the two ports it is
            throw new IOException("HTTP port " + config.effectiveHttpPort() + " (--http-port): " + e.getMessage(), e);
        }
    }

    /** Binds and starts serving; returns once the port is open. */
    public static DramaServer start(ServerConfig config) {
        try {
            return new DramaServer(config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting", e);
        }
    }

    /** The bound port (useful when the config asked for port 0). */
    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** The bound port of the browser views; 0 when the server serves none. */
    public int httpPort() {
        return webChannel == null ? 0 : ((InetSocketAddress) webChannel.localAddress()).getPort();
    }

    /** The trainer secret trainer consoles must present in Hello. */
    public String trainerSecret() {
        return secret.value();
    }

    public ServerConfig config() {
        return config;
    }

    /** Blocks until the server is closed. */
    public void awaitClose() throws InterruptedException {
        serverChannel.closeFuture().sync();
    }

    /** Stops accepting, closes connections, lets the sessions finish their queued work, and syncs the journal. */
    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
        if (webChannel != null) {
            webChannel.close().syncUninterruptibly();
        }
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        sessionExecutors.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        background.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        sessions.close();
        journal.close();
        packs.close();
        log.info("drama server stopped");
    }
}
