package io.tapsrelay.relay.identity;

import java.util.Objects;

/** The outcome of authenticating a peer request: who sent it, or why it is refused. */
public sealed interface AuthResult {
    /** The request is signed by {@code origin} and may proceed. */
    record Authenticated(String origin) implements AuthResult {
        public Authenticated {
            Objects.requireNonNull(origin, "origin");
        }
    }

    /**
     * The request is refused before anything else happens.
     *
     * @param status 401 (bad or missing authentication) or 403 (authenticated origin not allowed)
     * @param title short summary, the problem+json {@code title}
     * @param detail exactly what was wrong, naming the header and value, the problem+json {@code detail}
     */
    record Rejected(int status, String title, String detail) implements AuthResult {
        public Rejected {
            if (status != 401 && status != 403) {
                throw new IllegalArgumentException("authentication rejects with 401 or 403, not " + status);
            }
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
