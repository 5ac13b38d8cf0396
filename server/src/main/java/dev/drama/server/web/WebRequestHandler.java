package dev.drama.server.web;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.timeout.IdleStateEvent;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Plain HTTP requests (the WebSocket handshake is answered before this handler): the
 * site's files, with headers that keep a page from loading anything but its own files
 * and from being framed; 404 for anything else. When a WebSocket opens, the channel
 * becomes a drama connection.
 */
final class WebRequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    /** The page runs only its own script and style and talks only to its own server. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final StaticSite site;
    private final Consumer<ChannelHandlerContext> onWebSocket;

    WebRequestHandler(StaticSite site, Consumer<ChannelHandlerContext> onWebSocket) {
        this.site = site;
        this.onWebSocket = onWebSocket;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (!request.decoderResult().isSuccess()) {
            send(ctx, request, text(HttpResponseStatus.BAD_REQUEST, "a malformed request"), false);
            return;
        }
        boolean head = request.method().equals(HttpMethod.HEAD);
        if (!head && !request.method().equals(HttpMethod.GET)) {
            FullHttpResponse refused = text(HttpResponseStatus.METHOD_NOT_ALLOWED, "only GET and HEAD are served here");
            refused.headers().set(HttpHeaderNames.ALLOW, "GET, HEAD");
            send(ctx, request, refused, false);
            return;
        }
        Optional<StaticSite.Page> page = site.page(new QueryStringDecoder(request.uri()).path());
        if (page.isEmpty()) {
            send(ctx, request, text(HttpResponseStatus.NOT_FOUND, "no such page"), head);
            return;
        }
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                Unpooled.wrappedBuffer(page.get().body()));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, page.get().contentType());
        // The files change only with the server's version: revalidate rather than serve a stale script.
        response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-cache");
        send(ctx, request, response, head);
    }

    static FullHttpResponse text(HttpResponseStatus status, String body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(body + "\n", StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        return response;
    }

    /** Adds the security headers every answer carries, and keeps the connection open if the client asked to. */
    static void send(ChannelHandlerContext ctx, FullHttpRequest request, FullHttpResponse response, boolean head) {
        secured(response);
        if (head) {
            response.content().clear();
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request) && request.decoderResult().isSuccess();
        if (keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(response);
        } else {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static void secured(FullHttpResponse response) {
        response.headers()
                .set(HttpHeaderNames.CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY)
                .set("X-Content-Type-Options", "nosniff")
                .set(HttpHeaderNames.X_FRAME_OPTIONS, "DENY")
                .set("Referrer-Policy", "no-referrer")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
    }

    /** A connection refused before its first request (over the per-address limit): a plain 503, then closed. */
    static void refuse(Channel channel, String why) {
        FullHttpResponse response = text(HttpResponseStatus.SERVICE_UNAVAILABLE, why);
        secured(response);
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        channel.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
            onWebSocket.accept(ctx);
            return;
        }
        if (event instanceof IdleStateEvent) {
            ctx.close();  // an idle keep-alive connection
            return;
        }
        super.userEventTriggered(ctx, event);
    }
}
