package dev.drama.bench.load;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import dev.drama.proto.ClientMessage;
import dev.drama.proto.ServerMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One simulated client connection. Everything it keeps is touched only on its channel's
 * event loop. Incoming frames are read only as far as the request id and the body's
 * field number (protobuf writes fields in number order, so that is two or three tags);
 * a frame is parsed whole only when someone waits for it (setup) or it may be an offer
 * this player has to answer.
 */
final class Conn extends ChannelInboundHandlerAdapter {
    /** Field numbers of ServerMessage bodies the client cares about. */
    static final int ACK = 11, ERROR = 12, OFFER = 17;

    private record Pending(long dueNanos, Kind kind, CompletableFuture<ServerMessage> future) {
    }

    /** Who gets told about frames that are not replies (the player, for offers). */
    interface Listener {
        void event(Conn conn, int bodyField, ByteBuf frame);

        void replied(Conn conn, Kind kind);
    }

    /** Replies to moves from the drama server over the whole run (warm-ups and drains included). */
    static final java.util.concurrent.atomic.LongAdder DRAMA_MOVES_ANSWERED = new java.util.concurrent.atomic.LongAdder();

    final Channel channel;
    /** Where this connection's figures go; the driver points it at each phase's own Stats. */
    volatile Stats stats;
    final boolean echo;
    private final Map<Long, Pending> pending = new HashMap<>();
    private long nextId = 1;
    private volatile Listener listener;
    volatile boolean closing;

    Conn(Channel channel, Stats stats, boolean echo) {
        this.channel = channel;
        this.stats = stats;
        this.echo = echo;
    }

    void listener(Listener value) {
        listener = value;
    }

    int outstanding() {
        return pending.size();
    }

    /** Sends a setup command from any thread and completes with its reply (parsed). */
    CompletableFuture<ServerMessage> request(ClientMessage.Builder command) {
        CompletableFuture<ServerMessage> f = new CompletableFuture<>();
        channel.eventLoop().execute(() -> {
            long id = nextId++;
            pending.put(id, new Pending(System.nanoTime(), Kind.SETUP, f));
            write(command.setRequestId(id).build());
        });
        return f;
    }

    /** Sends a move; must run on the event loop. {@code dueNanos}: when it was due (latency counts from then). */
    void send(ClientMessage.Builder command, Kind kind, long dueNanos) {
        long id = nextId++;
        pending.put(id, new Pending(dueNanos, kind, null));
        if (kind.isMove()) {
            stats.sent.increment();
        }
        write(command.setRequestId(id).build());
    }

    private void write(ClientMessage message) {
        int size = message.getSerializedSize();
        ByteBuf buf = channel.alloc().buffer(size + 5);
        try (ByteBufOutputStream out = new ByteBufOutputStream(buf)) {
            message.writeDelimitedTo(out);
        } catch (IOException e) {
            buf.release();
            throw new UncheckedIOException(e);
        }
        channel.writeAndFlush(buf, channel.voidPromise());
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf frame = (ByteBuf) msg;
        long now = System.nanoTime();
        try {
            long requestId = 0;
            int body = 0;
            CodedInputStream in = CodedInputStream.newInstance(frame.nioBuffer());
            while (true) {
                int tag = in.readTag();
                if (tag == 0) {
                    break;
                }
                int field = WireFormat.getTagFieldNumber(tag);
                if (field == 1) {
                    requestId = in.readUInt64();
                } else if (field >= 10) {
                    body = field;
                    break;
                } else {
                    in.skipField(tag);
                }
            }
            Pending p = requestId == 0 ? null : pending.remove(requestId);
            if (p == null) {
                stats.events.increment();
                stats.eventBytes.add(frame.readableBytes());
                Listener l = listener;
                if (l != null && !echo) {
                    l.event(this, body, frame);
                }
                return;
            }
            boolean error = !echo && body == ERROR;
            if (p.future() != null) {
                p.future().complete(ServerMessage.parseFrom(frame.nioBuffer()));
                return;
            }
            String code = error ? ServerMessage.parseFrom(frame.nioBuffer()).getError().getCode().name() : "";
            stats.reply(p.kind(), (now - p.dueNanos()) / 1000, error, code);
            if (!echo && p.kind().isMove()) {
                DRAMA_MOVES_ANSWERED.increment();
            }
            Listener l = listener;
            if (l != null) {
                l.replied(this, p.kind());
            }
        } catch (InvalidProtocolBufferException e) {
            stats.errors.increment();
            stats.errorCodes.computeIfAbsent("unparseable frame", k -> new java.util.concurrent.atomic.LongAdder()).increment();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            ReferenceCountUtil.release(frame);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (!closing) {
            stats.dropped.increment();
        }
        for (Pending p : pending.values()) {
            if (p.future() != null) {
                p.future().completeExceptionally(new IOException("connection closed"));
            }
        }
        pending.clear();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
