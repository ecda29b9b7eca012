package io.tapsrelay.relay.identity;

/** What the federation access policy says about an origin server. */
public enum Access {
    /** The origin may talk to this relay. */
    ALLOWED,
    /** The relay runs in {@code allow_list} mode and the origin is not on the list. */
    NOT_ALLOWED,
    /** An operator blocked the origin. */
    BLOCKED,
    /** The origin is quarantined, e.g. after equivocating. */
    QUARANTINED
}
