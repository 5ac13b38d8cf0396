package dev.drama.server.web;

import dev.drama.server.ServerConfig;
import dev.drama.server.net.CommandRateLimiter;
import dev.drama.server.net.ConnectionHandler;
import dev.drama.server.net.ConnectionLimiter;
import dev.drama.server.net.DramaChannelInitializer;
import dev.drama.server.net.Lobby;
import dev.drama.server.net.SlowReaderGuard;
import dev.drama.server.net.SourceLog;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The browser side's pipeline: HTTP for the site's files, and a WebSocket at
 * {@value #WEBSOCKET_PATH} that, once open, is a drama connection like a console's: the
 * same rate limit, slow-reader guard, idle timeout and connection handler, handing the
 * same commands to the same lobby. Only the framing differs (JSON text frames).
 */
public final class WebChannelInitializer extends ChannelInitializer<SocketChannel> {
    private static final Logger log = LoggerFactory.getLogger(WebChannelInitializer.class);
    public static final String WEBSOCKET_PATH = "/ws";
    public static final String HTTP_CODEC = "http-codec";
    public static final String HTTP_AGGREGATOR = "http-aggregator";
    public static final String SAME_ORIGIN = "same-origin";
    public static final String WEBSOCKET = "websocket";
    public static final String REQUESTS = "requests";
    public static final String FRAME_AGGREGATOR = "frame-aggregator";
    public static final String JSON = "json";
    /** Requests are GETs: a header block this size is plenty, and a body has no use. */
    static final int MAX_HEADER_BYTES = 8 * 1024;
    static final int MAX_REQUEST_BODY_BYTES = 1024;

    private final ServerConfig config;
    private final SslContext ssl;
    private final Lobby lobby;
    private final SourceLog lines;
    private final StaticSite site;
    private final ConnectionLimiter connectionLimiter;

    /** @param connectionLimiter the game port's: this port's connections count with its own */
    public WebChannelInitializer(ServerConfig config, SslContext ssl, Lobby lobby, SourceLog lines, StaticSite site,
                                 ConnectionLimiter connectionLimiter) {
        this.config = config;
        this.lines = lines;
        this.ssl = ssl;
        this.lobby = lobby;
        this.site = site;
        // Before the HTTP codec has seen a request, a refusal can only be a plain answer and a close.
        this.connectionLimiter = connectionLimiter.sharing((channel, why) -> WebRequestHandler.refuse(channel, why));
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        ServerConfig.Limits limits = config.limits();
        channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(
                limits.outboundBufferBytes() / 2, limits.outboundBufferBytes()));
        ChannelPipeline p = channel.pipeline();
        p.addLast(DramaChannelInitializer.CONNECTION_LIMIT, connectionLimiter);
        if (ssl != null) {
            p.addLast(DramaChannelInitializer.TLS, ssl.newHandler(channel.alloc()));
        }
        p.addLast(HTTP_CODEC, new HttpServerCodec(4096, MAX_HEADER_BYTES, 8192));
        p.addLast(HTTP_AGGREGATOR, new HttpObjectAggregator(MAX_REQUEST_BODY_BYTES));
        p.addLast(DramaChannelInitializer.IDLE,
                new IdleStateHandler(config.idleTimeout().toMillis(), 0, 0, TimeUnit.MILLISECONDS));
        p.addLast(SAME_ORIGIN, new SameOriginWebSocket(WEBSOCKET_PATH));
        p.addLast(WEBSOCKET, new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(WEBSOCKET_PATH)
                .maxFramePayloadLength(limits.maxFrameBytes())
                .handshakeTimeoutMillis(10_000)
                .dropPongFrames(true)
                .build()));
        p.addLast(REQUESTS, new WebRequestHandler(site, this::becomeDramaConnection));
    }

    /** The WebSocket is open: from here on the channel carries commands and events. */
    private void becomeDramaConnection(ChannelHandlerContext requests) {
        ServerConfig.Limits limits = config.limits();
        ChannelPipeline p = requests.pipeline();
        p.replace(REQUESTS, FRAME_AGGREGATOR, new WebSocketFrameAggregator(limits.maxFrameBytes()));
        p.addLast(JSON, new JsonFrameCodec());
        p.addLast(DramaChannelInitializer.SLOW_READER, new SlowReaderGuard(DramaChannelInitializer.SLOW_READER_GRACE_MS));
        ServerConfig.Defences defences = config.defences();
        p.addLast(DramaChannelInitializer.RATE_LIMIT, new CommandRateLimiter(limits.commandsPerSecond(),
                limits.commandBurst(), defences.refusalsPerWindow(), defences.refusalWindow()));
        p.addLast(DramaChannelInitializer.HANDLER, new ConnectionHandler(lobby, lines));
        log.info("{} opened a browser view", p.channel().remoteAddress());
    }
}
