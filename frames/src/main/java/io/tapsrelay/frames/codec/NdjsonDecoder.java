package io.tapsrelay.frames.codec;

import io.tapsrelay.frames.ErrorCode;
import io.tapsrelay.frames.internal.ByteScan;
import io.tapsrelay.frames.internal.FrameLineParser;
import io.tapsrelay.frames.internal.LineOutcome;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Incremental NDJSON frame decoder (§3) over byte buffers as they arrive.
 *
 * <p>A line may be split across any number of buffers and several lines may share one. The line
 * limit ({@code maxLineBytes}, not counting the {@code \r\n} or {@code \n}) is enforced before
 * anything past it is buffered: a line that crosses it is reported as {@code frame_too_large} at
 * once, so memory stays about one line however much the peer sends. The scan position is kept
 * between feeds, so no byte is scanned twice. A line wholly inside one heap buffer is parsed in
 * place; a line split across buffers, or one from a direct buffer, is copied once into a reusable
 * buffer.
 *
 * <p>Lines of only spaces, tabs and a {@code \r} are blank and ignored. Every error is fatal: after
 * one, further input is ignored.
 *
 * <p>Not thread-safe: one decoder per stream, fed by one thread at a time.
 */
public final class NdjsonDecoder {
    private static final int INITIAL_CAPACITY = 512;

    private final int maxLineBytes;
    private final FrameSink sink;
    /** Bytes of an unfinished line from earlier feeds; already scanned, so they hold no line feed. */
    private byte[] pending = new byte[0];
    private int pendingLength;
    private boolean failed;
    private boolean finished;

    /**
     * @param maxLineBytes the receiver's {@code max_message_size}
     * @param sink receives frames and errors
     */
    public NdjsonDecoder(int maxLineBytes, FrameSink sink) {
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes must be positive, got " + maxLineBytes);
        }
        this.maxLineBytes = maxLineBytes;
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /**
     * Consumes all remaining bytes of {@code data} (heap or direct), calling the sink for each
     * complete line.
     *
     * @throws IllegalStateException after {@link #finish()}
     */
    public void feed(ByteBuffer data) {
        if (finished) {
            throw new IllegalStateException("feed after finish");
        }
        int position = data.position();
        int limit = data.limit();
        while (position < limit && !failed) {
            // The line may still take this many bytes: up to the limit, a '\r', and the '\n'.
            long budget = (long) maxLineBytes + 2 - pendingLength;
            int windowEnd = (int) Math.min(limit, position + budget);
            int newline = indexOfNewline(data, position, windowEnd);
            if (newline < 0) {
                keepPartialLine(data, position, windowEnd, limit);
                position = windowEnd;
            } else {
                completeLine(data, position, newline);
                position = newline + 1;
            }
        }
        data.position(limit);
    }

    /**
     * Ends the input: a final line without a line feed is decoded as a line (scripts post bodies
     * without one). Further feeds are refused.
     */
    public void finish() {
        if (finished) {
            return;
        }
        finished = true;
        if (!failed && pendingLength > 0) {
            int length = pendingLength;
            pendingLength = 0;
            decodeLine(pending, 0, length, length);
        }
        pending = new byte[0];
    }

    /** True once an error was reported. */
    public boolean failed() {
        return failed;
    }

    /** Capacity of the buffer for partial lines, for tests that check memory stays bounded. */
    int bufferedCapacity() {
        return pending.length;
    }

    private void keepPartialLine(ByteBuffer data, int from, int to, int limit) {
        long soFar = (long) pendingLength + (to - from);
        boolean endsInCr = to > from ? data.get(to - 1) == '\r' : pendingLength > 0 && pending[pendingLength - 1] == '\r';
        // A line of limit + 1 bytes is still fine when that last byte is the '\r' of a "\r\n".
        if (soFar > maxLineBytes + 1L || (soFar == maxLineBytes + 1L && !endsInCr)) {
            tooLarge(data, from, limit);
            return;
        }
        append(data, from, to - from);
    }

    private void completeLine(ByteBuffer data, int from, int newline) {
        int wireBytes = pendingLength + (newline - from) + 1;
        if (pendingLength == 0 && data.hasArray()) {
            decodeLine(data.array(), data.arrayOffset() + from, newline - from, wireBytes);
            return;
        }
        append(data, from, newline - from);
        int length = pendingLength;
        pendingLength = 0;
        decodeLine(pending, 0, length, wireBytes);
    }

    private void decodeLine(byte[] bytes, int offset, int length, int wireBytes) {
        int contentLength = length > 0 && bytes[offset + length - 1] == '\r' ? length - 1 : length;
        if (contentLength > maxLineBytes) {
            fail(DecodeError.of(ErrorCode.FRAME_TOO_LARGE, contentLength + " bytes > max " + maxLineBytes, null));
            return;
        }
        if (isBlank(bytes, offset, contentLength)) {
            return;
        }
        LineOutcome outcome = FrameLineParser.parse(bytes, offset, contentLength);
        if (outcome instanceof LineOutcome.Parsed parsed) {
            sink.onFrame(parsed.frame(), wireBytes);
        } else if (outcome instanceof LineOutcome.Rejected rejected) {
            fail(rejected.error());
        }
    }

    /** Reports an over-long line; names its length when its end is already in this buffer. */
    private void tooLarge(ByteBuffer data, int from, int limit) {
        int newline = indexOfNewline(data, from, limit);
        String detail;
        if (newline >= 0) {
            long length = (long) pendingLength + (newline - from);
            boolean crlf = newline > from ? data.get(newline - 1) == '\r' : pendingLength > 0 && pending[pendingLength - 1] == '\r';
            detail = (crlf ? length - 1 : length) + " bytes > max " + maxLineBytes;
        } else {
            detail = "more than " + (maxLineBytes + 1) + " bytes without a line end > max " + maxLineBytes;
        }
        fail(DecodeError.of(ErrorCode.FRAME_TOO_LARGE, detail, null));
    }

    private void fail(DecodeError error) {
        failed = true;
        pendingLength = 0;
        pending = new byte[0];
        sink.onError(error);
    }

    private void append(ByteBuffer data, int from, int count) {
        int needed = pendingLength + count;
        if (needed > pending.length) {
            // Grow by doubling but never past the longest acceptable line (limit + '\r').
            int capacity = Math.max(needed, Math.min(maxLineBytes + 1, Math.max(INITIAL_CAPACITY, 2 * pending.length)));
            byte[] grown = new byte[capacity];
            System.arraycopy(pending, 0, grown, 0, pendingLength);
            pending = grown;
        }
        data.get(from, pending, pendingLength, count);
        pendingLength = needed;
    }

    private static int indexOfNewline(ByteBuffer data, int from, int to) {
        if (data.hasArray()) {
            int base = data.arrayOffset();
            int newline = ByteScan.indexOfNewline(data.array(), base + from, base + to);
            return newline < 0 ? -1 : newline - base;
        }
        return ByteScan.indexOfNewline(data, from, to);
    }

    private static boolean isBlank(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
