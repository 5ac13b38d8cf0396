package dev.drama.server.net;

import dev.drama.proto.ErrorCode;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Splits the stream into varint32-length-prefixed frames, like Netty's
 * ProtobufVarint32FrameDecoder, but refuses a frame over the limit as soon as its
 * length prefix is read, so an oversized frame is never buffered; and closes a
 * connection whose frame, once begun, is not complete within the deadline (a client
 * trickling a byte now and then would otherwise hold its connection forever, as every
 * byte counts as activity). A connection that presented the trainer secret may send
 * larger frames: pack uploads.
 */
public final class BoundedVarint32FrameDecoder extends ByteToMessageDecoder {
    private int maxFrameBytes;
    private final int trainerMaxFrameBytes;
    private final long deadlineMillis;
    private ScheduledFuture<?> deadline;
    private boolean frameCompleted;

    public BoundedVarint32FrameDecoder(int maxFrameBytes, int trainerMaxFrameBytes, Duration frameDeadline) {
        this.maxFrameBytes = maxFrameBytes;
        this.trainerMaxFrameBytes = Math.max(maxFrameBytes, trainerMaxFrameBytes);
        this.deadlineMillis = frameDeadline.toMillis();
    }

    /** The connection presented the trainer secret: from now on it may send frames up to the trainer's limit. */
    void trainer() {
        maxFrameBytes = trainerMaxFrameBytes;
    }

    /** The largest frame this connection may send now. */
    int maxFrameBytes() {
        return maxFrameBytes;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        in.markReaderIndex();
        int length = readVarint32(in);
        if (length == NEED_MORE) {
            in.resetReaderIndex();
            return;
        }
        if (length < 0) {
            throw new CorruptedFrameException("negative frame length " + length);
        }
        if (length > maxFrameBytes) {
            in.skipBytes(in.readableBytes());
            throw new TooLongFrameException("frame of " + length + " bytes is over the limit of " + maxFrameBytes);
        }
        if (in.readableBytes() < length) {
            in.resetReaderIndex();
            return;
        }
        out.add(in.readRetainedSlice(length));
        frameCompleted = true;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        super.channelRead(ctx, msg);
        if (actualReadableBytes() == 0) {
            cancelDeadline();
        } else if (deadline == null || frameCompleted) {
            // A frame has begun (or a new one after a complete one): it has until the deadline.
            cancelDeadline();
            deadline = ctx.executor().schedule(() -> frameTooSlow(ctx), deadlineMillis, TimeUnit.MILLISECONDS);
        }
        frameCompleted = false;
    }

    private void frameTooSlow(ChannelHandlerContext ctx) {
        deadline = null;
        Replies.closeWith(ctx.channel(), ErrorCode.LIMIT_REACHED,
                "a frame took longer than " + deadlineMillis / 1000 + " s to arrive; closing the connection");
    }

    private void cancelDeadline() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        cancelDeadline();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        cancelDeadline();
        super.channelInactive(ctx);
    }

    private static final int NEED_MORE = Integer.MIN_VALUE;

    /** Reads a varint32, or returns NEED_MORE when the prefix is not complete yet. */
    private static int readVarint32(ByteBuf in) {
        int result = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            if (!in.isReadable()) {
                return NEED_MORE;
            }
            byte b = in.readByte();
            result |= (b & 0x7f) << shift;
            if (b >= 0) {
                return result;
            }
        }
        throw new CorruptedFrameException("length prefix longer than 5 bytes");
    }
}
