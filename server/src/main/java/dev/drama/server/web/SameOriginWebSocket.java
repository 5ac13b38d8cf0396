package dev.drama.server.web;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.net.URI;

/**
 * Refuses a WebSocket handshake sent by a page from another site. Browsers let any page
 * open a WebSocket anywhere, naming the page's origin; only the server's own pages may
 * speak to it (programs that send no Origin are not browsers and are let through).
 */
final class SameOriginWebSocket extends ChannelInboundHandlerAdapter {
    private final String path;

    SameOriginWebSocket(String path) {
        this.path = path;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof FullHttpRequest request && new QueryStringDecoder(request.uri()).path().equals(path)
                && !sameOrigin(request)) {
            WebRequestHandler.send(ctx, request, WebRequestHandler.text(HttpResponseStatus.FORBIDDEN,
                    "another site's page may not connect here"), false);
            request.release();
            return;
        }
        super.channelRead(ctx, msg);
    }

    private static boolean sameOrigin(FullHttpRequest request) {
        String origin = request.headers().get(HttpHeaderNames.ORIGIN);
        if (origin == null) {
            return true;
        }
        String host = request.headers().get(HttpHeaderNames.HOST);
        try {
            URI o = URI.create(origin);
            return host != null && o.getRawAuthority() != null && o.getRawAuthority().equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
