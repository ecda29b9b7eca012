package io.tapsrelay.config;

/** Which origins may talk to this relay (PROTOCOL.md §6). */
public enum FederationMode {
    /** Any server not blocked or quarantined. */
    OPEN("open"),
    /** Only the configured peers. */
    ALLOW_LIST("allow_list");

    private final String yamlName;

    FederationMode(String yamlName) {
        this.yamlName = yamlName;
    }

    /** The name used in the configuration file. */
    public String yamlName() {
        return yamlName;
    }
}
