package io.tapsrelay.relay.spi;

import io.tapsrelay.config.RelayConfig;
import io.tapsrelay.relay.client.PeerConnections;
import io.tapsrelay.relay.engine.EventIntake;
import io.tapsrelay.relay.identity.RequestAuthenticator;
import io.tapsrelay.relay.identity.SigningKeys;
import io.tapsrelay.relay.store.EventStore;
import io.tapsrelay.relay.stream.SessionRegistry;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What an extension may use of a running relay.
 *
 * @param selfId this relay's server id
 * @param config the effective configuration
 * @param store the event store
 * @param intake checks and stores events offered by peers, in the §3 order, and tells listeners
 * @param signingKeys this relay's keys, for signing outgoing requests (§6)
 * @param connections the outgoing HTTP/2 client
 * @param authenticator checks §6 signatures of incoming peer requests
 * @param verifiers the bounded CPU pool (signature checks and similar work)
 * @param timer for periodic work; tasks must be short and hand heavy work elsewhere
 * @param sessions the live peer streams
 * @param clock the relay's clock
 * @param refusedPeer true for a peer this relay will not talk to now (blocked or quarantined):
 *     extensions must not dial it either
 */
public record RelayContext(
        String selfId,
        RelayConfig config,
        EventStore store,
        EventIntake intake,
        SigningKeys signingKeys,
        PeerConnections connections,
        RequestAuthenticator authenticator,
        ExecutorService verifiers,
        ScheduledExecutorService timer,
        SessionRegistry sessions,
        Clock clock,
        java.util.function.Predicate<String> refusedPeer) {}
