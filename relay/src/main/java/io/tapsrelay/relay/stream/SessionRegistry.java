package io.tapsrelay.relay.stream;

import io.tapsrelay.frames.ErrorCode;
import io.tapsrelay.relay.engine.StoredListener;
import io.tapsrelay.relay.store.StoredEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one active stream per (peer, group) of §5, and the fan-out of stored events to them.
 *
 * <p>A new stream the peer opened replaces an older one the peer opened (a reconnect never waits
 * for a dead stream's idle timeout). When a stream we dialed meets one the peer dialed, the stream
 * opened by the server whose id sorts first in byte order stays and the other closes with
 * {@code duplicate_stream}; both relays apply the same rule, so they agree.
 */
public final class SessionRegistry implements SessionListener, StoredListener {
    private final String selfId;
    private final Map<Key, StreamSession> active = new ConcurrentHashMap<>();

    public SessionRegistry(String selfId) {
        this.selfId = selfId;
    }

    /**
     * Makes {@code session} the active one for its (peer, group) unless the collision rule keeps
     * the existing one; the loser is failed with {@code duplicate_stream}.
     *
     * @return true when {@code session} is now active
     */
    public boolean register(StreamSession session) {
        Key key = new Key(session.peer(), session.group());
        StreamSession loser;
        boolean won;
        synchronized (this) {
            StreamSession existing = active.get(key);
            if (existing == null || existing.isClosed() || replaces(session, existing)) {
                active.put(key, session);
                loser = existing;
                won = true;
            } else {
                loser = session;
                won = false;
            }
        }
        if (loser != null && !loser.isClosed()) {
            StreamSession l = loser;
            l.executor().execute(() -> l.fail(ErrorCode.DUPLICATE_STREAM, "duplicate_stream: another stream for peer "
                    + l.peer() + " and group " + l.group() + " is active"));
        }
        return won;
    }

    private boolean replaces(StreamSession incoming, StreamSession existing) {
        if (incoming.role() == existing.role()) {
            return true;
        }
        return compareBytes(opener(incoming), opener(existing)) < 0;
    }

    private String opener(StreamSession s) {
        return s.role() == Role.DIALED ? selfId : s.peer();
    }

    private static int compareBytes(String a, String b) {
        return java.util.Arrays.compareUnsigned(a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** True when a live stream exists for (peer, group), in either direction. */
    public boolean hasStream(String peer, String group) {
        StreamSession s = active.get(new Key(peer, group));
        return s != null && !s.isClosed();
    }

    /** Live streams, for status. */
    public List<StreamSession> sessions() {
        List<StreamSession> out = new ArrayList<>();
        for (StreamSession s : active.values()) {
            if (!s.isClosed()) {
                out.add(s);
            }
        }
        return out;
    }

    @Override
    public void onHello(StreamSession session) {
        session.wake();
    }

    @Override
    public void onClosed(StreamSession session) {
        active.remove(new Key(session.peer(), session.group()), session);
    }

    @Override
    public void onStored(String groupId, List<StoredEvent> events, String fromPeer) {
        for (StreamSession s : active.values()) {
            // The stream they came on learns of them with its ACK; they are never sent back on it.
            if (s.group().equals(groupId) && !s.peer().equals(fromPeer)) {
                s.executor().execute(s::wake);
            }
        }
    }

    /** Closes every stream with {@code shutting_down}. */
    public void drain() {
        for (StreamSession s : sessions()) {
            s.executor().execute(() -> s.fail(ErrorCode.SHUTTING_DOWN, "shutting_down: the relay is stopping; reconnect later"));
        }
    }

    private record Key(String peer, String group) {}
}
