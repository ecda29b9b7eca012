package io.tapsrelay.relay.bench;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The benchmark scenarios, by the name the command line uses. */
public enum Scenario {
    /** Ed25519 verifications per second on one core and on every core: the ceiling for intake. */
    CRYPTO("crypto", 0),
    /** Pre-signed events streamed into one relay; throughput and ACK latency. */
    INGEST("ingest", 100_000),
    /**
     * Ingest paced at 75% of the all-core verification ceiling and at half that, with 1 and with 4
     * streams: ACK latency against the targets of 50 ms and 5 ms at p99.
     */
    LATENCY("latency", 60_000),
    /** As ingest, then the same events again: duplicates skip the signature check. */
    DUPLICATES("duplicates", 100_000),
    /** Two federating relays: events into A, observed as B forwards them; end-to-end figures. */
    RELAY("relay", 100_000),
    /** A peer that never grants CREDIT while many events are stored: the relay's heap must stay flat. */
    STALLED("stalled", 1_000_000),
    /** Every scenario above, ingest with 1 and with 4 streams (latency always takes both). */
    ALL("all", 0);

    private final String wireName;
    private final int defaultEvents;

    Scenario(String wireName, int defaultEvents) {
        this.wireName = wireName;
        this.defaultEvents = defaultEvents;
    }

    /** The name on the command line. */
    public String wireName() {
        return wireName;
    }

    /** Events per run when {@code --events} is not given; 0 for scenarios that send none. */
    public int defaultEvents() {
        return defaultEvents;
    }

    /** The scenario of a command-line name, in any case. */
    public static Optional<Scenario> fromName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equalsIgnoreCase(name)).findFirst();
    }

    /** The names, comma-separated, for help and error text. */
    public static String names() {
        return Arrays.stream(values()).map(Scenario::wireName).collect(Collectors.joining(", "));
    }
}
