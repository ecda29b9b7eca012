package io.tapsrelay.relay.identity;

import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The federation mode of the configuration: {@code open} admits every origin, {@code allow_list}
 * only the listed ones; in both modes a blocked origin is refused first, then a quarantined one.
 *
 * <p>Server ids compare exactly (§1 ids are lower case). Thread-safe when {@code quarantined} is.
 */
public final class FederationAccessPolicy implements AccessPolicy {
    private final boolean openMode;
    private final Set<String> allowedPeers;
    private final Set<String> blocked;
    private final Predicate<String> quarantined;

    /**
     * @param openMode true for {@code open}, false for {@code allow_list}
     * @param allowedPeers origins admitted in {@code allow_list} mode (ignored in open mode)
     * @param blocked origins always refused
     * @param quarantined live view of quarantined origins, asked on every check
     */
    public FederationAccessPolicy(boolean openMode, Set<String> allowedPeers, Set<String> blocked,
            Predicate<String> quarantined) {
        this.openMode = openMode;
        this.allowedPeers = Set.copyOf(allowedPeers);
        this.blocked = Set.copyOf(blocked);
        this.quarantined = Objects.requireNonNull(quarantined, "quarantined");
    }

    @Override
    public Access check(String origin) {
        if (blocked.contains(origin)) {
            return Access.BLOCKED;
        }
        if (quarantined.test(origin)) {
            return Access.QUARANTINED;
        }
        if (openMode || allowedPeers.contains(origin)) {
            return Access.ALLOWED;
        }
        return Access.NOT_ALLOWED;
    }
}
