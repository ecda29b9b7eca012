package io.tapsrelay.relay;

import io.tapsrelay.relay.http.Problem;
import io.tapsrelay.relay.http.RequestGate;
import io.tapsrelay.relay.http.RequestHead;
import java.util.Optional;

/** Refuses new requests with 503 once the relay has begun to drain (§4), so peers reconnect elsewhere or later. */
final class DrainGate implements RequestGate {
    private volatile boolean draining;

    void begin() {
        draining = true;
    }

    boolean draining() {
        return draining;
    }

    @Override
    public Optional<Problem> admit(RequestHead head) {
        return draining
                ? Optional.of(Problem.unavailable("the relay is draining; retry later"))
                : Optional.empty();
    }
}
