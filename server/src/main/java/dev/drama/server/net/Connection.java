package dev.drama.server.net;

import dev.drama.proto.ServerMessage;
import dev.drama.server.session.Participant;
import dev.drama.server.session.Recipient;
import dev.drama.server.session.Session;
import io.netty.channel.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection as the sessions see it: somewhere to send messages. A client
 * that stops reading is cut off once its outbound buffer is full, so it slows nobody else.
 */
public final class Connection implements Recipient {
    private static final Logger log = LoggerFactory.getLogger(Connection.class);

    /** The session seat this connection occupies, once it has joined one. */
    public record Membership(Session session, Participant participant) {
    }

    private final Channel channel;
    private volatile boolean trainer;
    private volatile Membership membership;

    public Connection(Channel channel) {
        this.channel = channel;
    }

    @Override
    public void send(ServerMessage message) {
        if (!channel.isActive()) {
            return;
        }
        if (!channel.isWritable()) {
            log.warn("{}: outbound buffer full (a client that does not read); disconnecting", channel.remoteAddress());
            channel.close();
            return;
        }
        channel.writeAndFlush(message, channel.voidPromise());
    }

    @Override
    public void close() {
        channel.close();
    }

    public boolean trainer() {
        return trainer;
    }

    void trainer(boolean value) {
        trainer = value;
    }

    public Membership membership() {
        return membership;
    }

    void membership(Membership value) {
        membership = value;
    }

    Channel channel() {
        return channel;
    }

    @Override
    public String toString() {
        return String.valueOf(channel.remoteAddress());
    }
}
