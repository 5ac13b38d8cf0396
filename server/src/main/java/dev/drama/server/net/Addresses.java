package dev.drama.server.net;

import io.netty.channel.Channel;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** Where a connection comes from: the key of every per-address limit. */
final class Addresses {
    private Addresses() {
    }

    static InetAddress of(Channel channel) {
        return channel.remoteAddress() instanceof InetSocketAddress s
                ? s.getAddress() : InetAddress.getLoopbackAddress();
    }
}
