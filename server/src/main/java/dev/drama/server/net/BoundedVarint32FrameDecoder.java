package dev.drama.server.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import java.util.List;

/**
 * Splits the stream into varint32-length-prefixed frames, like Netty's
 * ProtobufVarint32FrameDecoder, but refuses a frame over the limit as soon as its
 * length prefix is read, so an oversized frame is never buffered.
 */
public final class BoundedVarint32FrameDecoder extends ByteToMessageDecoder {
    private final int maxFrameBytes;

    public BoundedVarint32FrameDecoder(int maxFrameBytes) {
        this.maxFrameBytes = maxFrameBytes;
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
