package io.tapsrelay.relay.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.grpc.netty.shaded.io.netty.buffer.ByteBuf;
import io.grpc.netty.shaded.io.netty.buffer.Unpooled;
import io.grpc.netty.shaded.io.netty.channel.embedded.EmbeddedChannel;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2CodecUtil;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a connection with {@link ConnectionWindow} tells its peer first: SETTINGS, then a wider connection window. */
class ConnectionWindowTest {
    private static final int SETTINGS = 0x4;
    private static final int WINDOW_UPDATE = 0x8;

    @Test
    void aServerConnectionWidensItsWindowToEightMebibytesRightAfterItsSettings() {
        EmbeddedChannel channel = new EmbeddedChannel(Http2FrameCodecBuilder.forServer().build(), new ConnectionWindow());
        try {
            List<int[]> frames = frames(outbound(channel), false);

            assertEquals(SETTINGS, frames.get(0)[0], "the server's preface comes first");
            int[] update = frames.stream().filter(f -> f[0] == WINDOW_UPDATE).findFirst().orElseThrow();
            assertEquals(0, update[1], "a connection-level update");
            assertEquals(ConnectionWindow.BYTES - Http2CodecUtil.DEFAULT_WINDOW_SIZE, update[2]);
            assertNull(channel.pipeline().get(ConnectionWindow.class), "its work done, it leaves the pipeline");
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    @Test
    void aClientConnectionWidensItsWindowOnceItsPrefaceIsOut() {
        EmbeddedChannel channel = new EmbeddedChannel(false, false);
        channel.pipeline().addLast(Http2FrameCodecBuilder.forClient().build(), new ConnectionWindow());
        try {
            channel.register();
            List<int[]> frames = frames(outbound(channel), true);

            assertEquals(SETTINGS, frames.get(0)[0]);
            int[] update = frames.stream().filter(f -> f[0] == WINDOW_UPDATE).findFirst().orElseThrow();
            assertEquals(0, update[1]);
            assertEquals(ConnectionWindow.BYTES - Http2CodecUtil.DEFAULT_WINDOW_SIZE, update[2]);
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    private static ByteBuf outbound(EmbeddedChannel channel) {
        channel.flushOutbound();
        ByteBuf all = Unpooled.buffer();
        for (ByteBuf b = channel.readOutbound(); b != null; b = channel.readOutbound()) {
            all.writeBytes(b);
            b.release();
        }
        return all;
    }

    /** Each frame as {type, stream id, first 31-bit payload word (a WINDOW_UPDATE's increment)}. */
    private static List<int[]> frames(ByteBuf bytes, boolean clientPreface) {
        if (clientPreface) {
            bytes.skipBytes(Http2CodecUtil.connectionPrefaceBuf().readableBytes());
        }
        List<int[]> out = new ArrayList<>();
        while (bytes.readableBytes() >= 9) {
            int length = bytes.readUnsignedMedium();
            int type = bytes.readUnsignedByte();
            bytes.skipBytes(1);
            int stream = bytes.readInt() & 0x7fffffff;
            int word = length >= 4 ? bytes.getInt(bytes.readerIndex()) & 0x7fffffff : 0;
            bytes.skipBytes(length);
            out.add(new int[] {type, stream, word});
        }
        bytes.release();
        return out;
    }
}
