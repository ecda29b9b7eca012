package io.tapsrelay.relay.bench;

import io.tapsrelay.config.ConfigException;
import io.tapsrelay.config.ConfigLoader;
import io.tapsrelay.relay.Relay;
import io.tapsrelay.relay.store.OriginState;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Relays started inside the test's JVM from the bench's own configuration text: fast to start, and
 * their stores can be read. What each held when it was closed is kept, by server id and group.
 */
final class InProcessRelays implements RelayLauncher {
    final Map<String, Map<String, List<OriginState>>> storedAtClose = new ConcurrentHashMap<>();

    @Override
    public RunningRelay start(RelaySpec spec, Path dir, Deadline deadline) throws BenchFailure {
        Relay relay;
        try {
            relay = Relay.start(ConfigLoader.parse(spec.yaml(), spec.serverId() + ".yaml"));
        } catch (ConfigException | IOException e) {
            throw new BenchFailure("cannot start " + spec.serverId() + ": " + e.getMessage(), e);
        }
        return new RunningRelay() {
            private boolean closed;

            @Override
            public RelayTarget target() {
                return spec.target();
            }

            @Override
            public MemorySample memory() {
                return MemorySample.unavailable();
            }

            @Override
            public OptionalLong cpuNanos() {
                return OptionalLong.empty(); // the test's own threads would be counted too
            }

            @Override
            public OptionalLong pid() {
                return OptionalLong.empty();
            }

            @Override
            public synchronized void close() {
                if (closed) {
                    return;
                }
                closed = true;
                Map<String, List<OriginState>> held = new ConcurrentHashMap<>();
                for (String group : relay.store().groups()) {
                    held.put(group, relay.store().originStates(group));
                }
                storedAtClose.put(spec.serverId(), held);
                relay.close();
            }
        };
    }
}
