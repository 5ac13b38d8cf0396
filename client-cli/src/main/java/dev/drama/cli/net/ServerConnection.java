package dev.drama.cli.net;

import dev.drama.proto.ClientMessage;
import dev.drama.proto.Hello;
import dev.drama.proto.Ping;
import dev.drama.proto.Resume;
import dev.drama.proto.ServerMessage;
import dev.drama.proto.Welcome;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.AttributeKey;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The client's TCP connection to a drama server. Says Hello, numbers commands and
 * matches replies to them, keeps the connection alive with pings, and when it drops
 * reconnects with backoff, says Hello again and resumes the session with the resume
 * token the server gave us; commands typed meanwhile wait in a backlog and go out
 * once the session is resumed.
 *
 * <p>Threads: Netty's single event loop does the I/O; everything the console sees
 * (messages, replies, connection news) is handed to the {@code delivery} executor, one
 * at a time and in order, so that console code never runs on the event loop and a
 * reply is always rendered before the command that waited for it continues.
 */
public final class ServerConnection implements ServerLink {

    /** Where to connect and how to behave. */
    public record Settings(String host, int port, Hello hello, ReconnectPolicy reconnect, Heartbeat heartbeat,
            Duration connectTimeout, SslContext ssl) {

        public static Settings of(String host, int port, Hello hello) {
            return new Settings(host, port, hello, ReconnectPolicy.defaults(), Heartbeat.defaults(),
                    Duration.ofSeconds(5), null);
        }

        /** The same, over TLS with this context (null: plain TCP). */
        public Settings withSsl(SslContext context) {
            return new Settings(host, port, hello, reconnect, heartbeat, connectTimeout, context);
        }
    }

    /** The server answered Hello or Resume with something other than yes. */
    public static final class RefusedException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient ServerMessage reply;

        RefusedException(String message, ServerMessage reply) {
            super(message);
            this.reply = reply;
        }

        public ServerMessage reply() {
            return reply;
        }
    }

    private static final AttributeKey<String> CLOSE_REASON = AttributeKey.valueOf("drama.closeReason");

    private final Settings settings;
    private final ConnectionListener listener;
    private final Executor delivery;
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Bootstrap bootstrap;
    private final AtomicLong requestIds = new AtomicLong();
    private final Map<Long, CompletableFuture<ServerMessage>> pending = new ConcurrentHashMap<>();
    private final Set<Long> keepAlivePings = ConcurrentHashMap.newKeySet();

    private record Queued(ClientMessage command, CompletableFuture<ServerMessage> reply) {
    }

    // guarded by this
    private Channel channel;
    private boolean ready;
    private boolean established;
    private boolean closed;
    private String resumeToken = "";
    /** The latest session event seq received: a resume asks for what came after it. */
    private long lastSeq;
    private final ArrayDeque<Queued> backlog = new ArrayDeque<>();
    private long lostAtNanos;
    private int attempt;

    public ServerConnection(Settings settings, ConnectionListener listener, Executor delivery) {
        this.settings = settings;
        this.listener = listener;
        this.delivery = delivery;
        this.bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.connectTimeout().toMillis())
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ClientChannelInitializer(settings, new Handler()))
                .remoteAddress(settings.host(), settings.port());
    }

    /**
     * The first connection: connects and says Hello. Fails (no reconnection) when the
     * server cannot be reached or refuses the Hello.
     */
    public CompletableFuture<Welcome> connect() {
        CompletableFuture<Welcome> result = new CompletableFuture<>();
        bootstrap.connect().addListener((ChannelFuture connected) -> {
            if (!connected.isSuccess()) {
                result.completeExceptionally(new IOException(refused(connected.cause())
                        ? "no drama server at " + settings.host() + ":" + settings.port()
                                + "; start one with `./drama server` or check --host/--port"
                        : "could not connect to " + settings.host() + ":" + settings.port() + ": "
                                + describe(connected.cause())));
                return;
            }
            handshake(connected.channel())
                    .orTimeout(settings.heartbeat().deadAfter().toMillis(), TimeUnit.MILLISECONDS)
                    .whenComplete((welcome, error) -> {
                        if (error == null) {
                            result.complete(welcome);
                        } else {
                            connected.channel().close();
                            result.completeExceptionally(unwrap(error));
                        }
                    });
        });
        return result;
    }

    @Override
    public CompletableFuture<ServerMessage> send(ClientMessage command) {
        synchronized (this) {
            if (closed) {
                return CompletableFuture.failedFuture(new ConnectionLostException("the connection is closed"));
            }
            if (!ready) {
                CompletableFuture<ServerMessage> reply = new CompletableFuture<>();
                backlog.add(new Queued(command, reply));
                return reply;
            }
            return write(channel, command);
        }
    }

    /** The resume token in use (from the last SessionJoined); empty before joining. */
    public synchronized String resumeToken() {
        return resumeToken;
    }

    /** The latest session event seq this console received (0: none yet). */
    public synchronized long lastSeq() {
        return lastSeq;
    }

    @Override
    public void close() {
        Channel open;
        List<Queued> dropped;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            open = channel;
            dropped = new ArrayList<>(backlog);
            backlog.clear();
        }
        dropped.forEach(q -> q.reply().completeExceptionally(new ConnectionLostException("the connection is closed")));
        if (open != null) {
            open.close();
        }
        var shutdown = group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        if (!group.next().inEventLoop()) {
            shutdown.awaitUninterruptibly(3, TimeUnit.SECONDS);
        }
    }

    // ------------------------------------------------------------------ handshake

    /** Hello, then Resume when we have a session to get back to; then the backlog goes out. */
    private CompletableFuture<Welcome> handshake(Channel ch) {
        synchronized (this) {
            channel = ch;
        }
        return write(ch, ClientMessage.newBuilder().setHello(settings.hello()).build())
                .thenCompose(reply -> {
                    if (!reply.hasWelcome()) {
                        throw new RefusedException("the server refused Hello: " + describe(reply), reply);
                    }
                    String token;
                    long seen;
                    synchronized (this) {
                        token = resumeToken;
                        seen = lastSeq;
                    }
                    if (token.isEmpty()) {
                        return CompletableFuture.completedFuture(reply.getWelcome());
                    }
                    return write(ch, ClientMessage.newBuilder()
                            .setResume(Resume.newBuilder().setResumeToken(token).setLastSeq(seen)).build())
                            .thenApply(resumed -> {
                                if (!resumed.hasSessionJoined()) {
                                    throw new RefusedException("the server refused to resume the session: "
                                            + describe(resumed), resumed);
                                }
                                return reply.getWelcome();
                            });
                })
                .thenApply(welcome -> {
                    markReady(ch);
                    return welcome;
                });
    }

    private void markReady(Channel ch) {
        synchronized (this) {
            if (channel != ch || closed) {
                return;
            }
            ready = true;
            established = true;
            attempt = 0;
            while (!backlog.isEmpty()) {
                Queued queued = backlog.poll();
                write(ch, queued.command()).whenComplete((reply, error) -> {
                    if (error == null) {
                        queued.reply().complete(reply);
                    } else {
                        queued.reply().completeExceptionally(unwrap(error));
                    }
                });
            }
        }
    }

    private CompletableFuture<ServerMessage> write(Channel ch, ClientMessage command) {
        long id = requestIds.incrementAndGet();
        CompletableFuture<ServerMessage> reply = new CompletableFuture<>();
        pending.put(id, reply);
        ch.writeAndFlush(command.toBuilder().setRequestId(id).build()).addListener(written -> {
            if (!written.isSuccess() && pending.remove(id) != null) {
                reply.completeExceptionally(new ConnectionLostException("could not send: " + describe(written.cause())));
            }
        });
        return reply;
    }

    // ------------------------------------------------------------------ events from the channel

    private void received(ServerMessage message) {
        if (message.hasPong() && keepAlivePings.remove(message.getRequestId())) {
            return;
        }
        if (message.hasSessionJoined() && !message.getSessionJoined().getResumeToken().isEmpty()) {
            synchronized (this) {
                resumeToken = message.getSessionJoined().getResumeToken();
            }
        }
        if (message.getSeq() > 0) {
            synchronized (this) {
                lastSeq = Math.max(lastSeq, message.getSeq());
            }
        }
        delivery.execute(() -> {
            try {
                listener.onMessage(message);
            } finally {
                CompletableFuture<ServerMessage> reply =
                        message.getRequestId() == 0 ? null : pending.remove(message.getRequestId());
                if (reply != null) {
                    reply.complete(message);
                }
            }
        });
    }

    private void ping(Channel ch) {
        synchronized (this) {
            if (!ready || channel != ch) {
                return;
            }
        }
        long id = requestIds.incrementAndGet();
        keepAlivePings.add(id);
        ch.writeAndFlush(ClientMessage.newBuilder().setRequestId(id).setPing(Ping.newBuilder().setNonce(id)).build());
    }

    private void lost(Channel ch, String reason) {
        boolean reconnect;
        boolean wasReady;
        synchronized (this) {
            if (channel != ch) {
                return;
            }
            channel = null;
            wasReady = ready;
            if (wasReady) {
                lostAtNanos = System.nanoTime();
            }
            reconnect = established && !closed;
            ready = false;
        }
        // fail the replies still awaited on this channel, after the messages already received
        List<Long> awaited = new ArrayList<>(pending.keySet());
        delivery.execute(() -> {
            for (Long id : awaited) {
                CompletableFuture<ServerMessage> reply = pending.remove(id);
                if (reply != null) {
                    reply.completeExceptionally(new ConnectionLostException("connection lost (" + reason
                            + ") before the reply came; the command may or may not have been applied"));
                }
            }
        });
        if (reconnect && wasReady) {
            delivery.execute(() -> listener.onConnectionLost(reason));
        }
        if (reconnect) {
            scheduleReconnect();
        }
    }

    private void scheduleReconnect() {
        Optional<Duration> delay;
        synchronized (this) {
            if (closed) {
                return;
            }
            attempt++;
            delay = settings.reconnect().delayBefore(attempt, Duration.ofNanos(System.nanoTime() - lostAtNanos));
        }
        if (delay.isEmpty()) {
            giveUp("could not get back to the server; giving up");
            return;
        }
        group.schedule(this::reconnect, delay.get().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void reconnect() {
        synchronized (this) {
            if (closed) {
                return;
            }
        }
        bootstrap.connect().addListener((ChannelFuture connected) -> {
            if (!connected.isSuccess()) {
                scheduleReconnect();
                return;
            }
            handshake(connected.channel()).whenComplete((welcome, error) -> {
                if (error == null) {
                    delivery.execute(listener::onReconnected);
                } else if (unwrap(error) instanceof RefusedException refused) {
                    giveUp(refused.getMessage());
                }
                // otherwise the channel dropped during the handshake, and lost() has scheduled another attempt
            });
        });
    }

    private void giveUp(String reason) {
        close();
        delivery.execute(() -> listener.onGaveUp(reason));
    }

    /** Thin: decodes nothing, decides nothing; hands each event to the connection. */
    @ChannelHandler.Sharable
    private final class Handler extends SimpleChannelInboundHandler<ServerMessage> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ServerMessage message) {
            received(message);
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof IdleStateEvent idle) {
                if (idle.state() == IdleState.READER_IDLE) {
                    ctx.channel().attr(CLOSE_REASON).setIfAbsent("no word from the server for "
                            + settings.heartbeat().deadAfter().toSeconds() + " s");
                    ctx.close();
                } else if (idle.state() == IdleState.WRITER_IDLE) {
                    ping(ctx.channel());
                }
            } else {
                ctx.fireUserEventTriggered(event);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.channel().attr(CLOSE_REASON).setIfAbsent(describe(cause));
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            String reason = ctx.channel().attr(CLOSE_REASON).get();
            lost(ctx.channel(), reason == null ? "the server closed the connection" : reason);
        }
    }

    // ------------------------------------------------------------------ helpers

    static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    /** Nothing listens there (as opposed to a host that does not answer, or a name that does not resolve). */
    private static boolean refused(Throwable cause) {
        return cause instanceof java.net.ConnectException && !(cause instanceof io.netty.channel.ConnectTimeoutException);
    }

    private static String describe(Throwable cause) {
        return cause == null ? "unknown error" : cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause.getMessage();
    }

    private static String describe(ServerMessage reply) {
        return reply.hasError() ? reply.getError().getMessage() + " (" + reply.getError().getCode() + ")"
                : reply.getBodyCase().name();
    }
}
