package io.tapsrelay.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each kind of problem, checked by the exact line an operator reads. */
class ConfigProblemsTest {
    private static final String DURATION = "expected a number with a unit such as 500ms, 30s, 5m, 2h or 30d";
    private static final String SIZE = "expected a byte count or a number with an IEC unit (B, KiB, MiB, GiB)"
            + " such as 16384, 512B, 16KiB or 4MiB";
    private static final String SERVER_ID = "expected a lower-case name of a-z 0-9 . - with an optional :port,"
            + " such as relay-a.example or 127.0.0.1:8448";
    private static final String URL = "expected http:// or https:// then a host and an optional port,"
            + " such as http://127.0.0.1:8448 or https://relay-a.example";

    private static List<String> problems(String yaml) {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml, "relay.yaml"));
        List<String> lines = e.problems().stream().map(ConfigProblem::toString).toList();
        assertEquals(String.join("\n", lines), e.getMessage(), "the message is one problem per line");
        return lines;
    }

    @Test
    void aMisspeltKeyIsReportedWithTheNearestValidName() {
        assertEquals(List.of("relay.yaml: federation.max_mesage_size: unknown key; did you mean 'max_message_size'?"),
                problems("federation:\n  max_mesage_size: 16KiB\n"));
    }

    @Test
    void aCamelCaseKeyIsMatchedToItsSnakeCaseName() {
        assertEquals(List.of("relay.yaml: serverId: unknown key; did you mean 'server_id'?"),
                problems("serverId: relay-a\n"));
    }

    @Test
    void anUnknownKeyFarFromAnyNameGetsNoGuess() {
        assertEquals(List.of("relay.yaml: colour: unknown key"), problems("colour: blue\n"));
    }

    @Test
    void aBareNumberIsNotADuration() {
        assertEquals(List.of("relay.yaml: keepalive.interval: '30' is not a duration; " + DURATION),
                problems("keepalive:\n  interval: 30\n"));
    }

    @Test
    void aDurationWithASpelledOutUnitGetsTheShortForm() {
        assertEquals(List.of("relay.yaml: federation.request_skew: '5 minutes' is not a duration; " + DURATION
                        + "; did you mean '5m'?"),
                problems("federation:\n  request_skew: 5 minutes\n"));
    }

    @Test
    void aZeroDurationWhereTimeMustPassIsTooShort() {
        assertEquals(List.of("relay.yaml: antientropy.interval: '0s' is too short; expected a duration greater than zero"),
                problems("antientropy:\n  interval: 0s\n"));
    }

    @Test
    void aDecimalSizeUnitIsRejectedWithTheIecUnitSuggested() {
        assertEquals(List.of("relay.yaml: credit.window_bytes: '4MB' is not a size; " + SIZE
                        + "; did you mean '4MiB'? KB, MB and GB are not accepted: units are powers of 1024"),
                problems("credit:\n  window_bytes: 4MB\n"));
    }

    @Test
    void aSizeOutsideItsRangeSaysTheRange() {
        assertEquals(List.of("relay.yaml: federation.max_message_size: '512B' is out of range;"
                        + " expected a size from 1KiB to 16MiB"),
                problems("federation:\n  max_message_size: 512B\n"));
    }

    @Test
    void aValueOfTheWrongTypeNamesBothTypes() {
        assertEquals(List.of(
                        "relay.yaml: storage.sync: 'maybe' is not a boolean; expected true or false",
                        "relay.yaml: federation: '5' is not a mapping; expected a mapping with keys such as mode,"
                                + " request_skew, blocked",
                        "relay.yaml: peers: a mapping is not a list; expected a list of mappings",
                        "relay.yaml: credit.window_events: 'many' is not a whole number;"
                                + " expected a whole number from 1 to 2147483647",
                        "relay.yaml: keepalive.interval: a list is not a duration; " + DURATION,
                        "relay.yaml: limits.peer_events_per_second: '-1' is not a number of 0 or more;"
                                + " expected a number of 0 or more, such as 50 or 2.5 (0 means unlimited)"),
                problems("""
                        storage:
                          sync: maybe
                        federation: 5
                        peers: {a: 1}
                        credit:
                          window_events: many
                        keepalive:
                          interval: [30s]
                        limits:
                          peer_events_per_second: -1
                        """));
    }

    @Test
    void aBadServerIdIsReportedWithTheLowerCaseForm() {
        assertEquals(List.of("relay.yaml: server_id: 'Relay-A.example' is not a server id; " + SERVER_ID
                        + "; did you mean 'relay-a.example'?"),
                problems("server_id: Relay-A.example\n"));
    }

    @Test
    void anUnsetServerIdCannotDefaultToAnEphemeralListenAddress() {
        assertEquals(List.of("relay.yaml: server_id: is not set, and the listen address 'localhost:0' is not a"
                        + " server id to default to; " + SERVER_ID),
                problems("listen: localhost:0\n"));
    }

    @Test
    void aBadUrlSaysWhatIsWrongWithIt() {
        assertEquals(List.of(
                        "relay.yaml: public_url: 'ftp://relay-a.example' is not an http or https URL; " + URL,
                        "relay.yaml: peers[0].url: 'http://relay-b.example/federation' must not have a path,"
                                + " query or fragment; " + URL,
                        "relay.yaml: peers[1].url: 'http://relay-c.example:0' has an invalid port; " + URL),
                problems("""
                        public_url: ftp://relay-a.example
                        peers:
                          - server_id: relay-b.example
                            url: http://relay-b.example/federation
                          - server_id: relay-c.example
                            url: http://relay-c.example:0
                        """));
    }

    @Test
    void aBadEnumValueListsTheAllowedValues() {
        assertEquals(List.of(
                        "relay.yaml: federation.mode: 'allow-list' is not a federation mode;"
                                + " expected one of open, allow_list; did you mean 'allow_list'?",
                        "relay.yaml: logging.format: 'yaml' is not a log format; expected one of text, json",
                        "relay.yaml: logging.level: 'verbose' is not a log level; expected one of debug, info, warn, error"),
                problems("federation:\n  mode: allow-list\nlogging:\n  format: yaml\n  level: verbose\n"));
    }

    @Test
    void aCreditWindowMustHoldOneMaximalFrame() {
        assertEquals(List.of("relay.yaml: credit.window_bytes: '16KiB' cannot hold one frame of"
                        + " federation.max_message_size; expected at least 16385 bytes: federation.max_message_size"
                        + " (16KiB) plus the line feed"),
                problems("credit:\n  window_bytes: 16KiB\n"));
    }

    @Test
    void aLargerMaxMessageSizeCanOutgrowTheDefaultWindows() {
        assertEquals(List.of(
                        "relay.yaml: credit.window_bytes: '4MiB' cannot hold one frame of federation.max_message_size;"
                                + " expected at least 16777217 bytes: federation.max_message_size (16MiB) plus the line feed",
                        "relay.yaml: antientropy.response_limit: '8MiB' cannot hold one frame of"
                                + " federation.max_message_size; expected at least 16777217 bytes:"
                                + " federation.max_message_size (16MiB) plus the line feed"),
                problems("federation:\n  max_message_size: 16MiB\n"));
    }

    @Test
    void theKeepaliveTimeoutMustExceedTheInterval() {
        assertEquals(List.of("relay.yaml: keepalive.timeout: '20s' is not longer than keepalive.interval (30s);"
                        + " expected a timeout longer than the interval, such as three intervals"),
                problems("keepalive:\n  timeout: 20s\n"));
    }

    @Test
    void antiEntropyJitterMustNotExceedTheInterval() {
        assertEquals(List.of("relay.yaml: antientropy.jitter: '10m' is longer than antientropy.interval (5m);"
                        + " expected a jitter no longer than the interval"),
                problems("antientropy:\n  jitter: 10m\n"));
    }

    @Test
    void tlsNeedsBothCertAndKey() {
        assertEquals(List.of("relay.yaml: tls.cert: is not set while tls.key is; expected both cert and key, or neither"),
                problems("tls:\n  key: relay.key\n"));
    }

    @Test
    void theAdminListenerNeedsItsOwnAddress() {
        assertEquals(List.of("relay.yaml: admin_listen: '127.0.0.1:8448' is the same address as listen;"
                        + " expected a separate address for the admin listener, such as 127.0.0.1:8449"),
                problems("admin_listen: 127.0.0.1:8448\n"));
    }

    @Test
    void peersMustBeOtherRelaysEachListedOnce() {
        assertEquals(List.of(
                        "relay.yaml: peers[0].server_id: '127.0.0.1:8448' is this relay's own server_id;"
                                + " expected the server id of another relay",
                        "relay.yaml: peers[2].server_id: 'relay-b' is already listed as peers[1].server_id;"
                                + " expected each peer listed once",
                        "relay.yaml: peers[3].url: is missing; " + URL),
                problems("""
                        peers:
                          - server_id: 127.0.0.1:8448
                            url: http://127.0.0.1:8448
                          - server_id: relay-b
                            url: http://relay-b:8448
                          - server_id: relay-b
                            url: http://relay-b:8448
                          - server_id: relay-c
                        """));
    }

    @Test
    void pinnedKeysMustBeKeyIdsWith32ByteKeys() {
        assertEquals(List.of(
                        "relay.yaml: peers[0].keys: 'a1' is not a key id;"
                                + " expected ed25519: then 1-64 characters of A-Z a-z 0-9 _, such as ed25519:a1",
                        "relay.yaml: peers[0].keys['ed25519:a2']: 'AAAA' is not base64 of 32 bytes;"
                                + " expected standard base64 of the 32 raw bytes of an Ed25519 public key"),
                problems("""
                        peers:
                          - server_id: relay-b
                            url: http://relay-b:8448
                            keys:
                              a1: AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=
                              "ed25519:a2": AAAA
                        """));
    }

    @Test
    void aBlockedEntryMustBeAServerId() {
        assertEquals(List.of("relay.yaml: federation.blocked[1]: 'not a server' is not a server id; " + SERVER_ID),
                problems("federation:\n  blocked: [evil.example, not a server]\n"));
    }

    @Test
    void groupPatternsAreChecked() {
        assertEquals(List.of(
                        "relay.yaml: federation.supported_groups[0]: 'acme-*' is not a group pattern;"
                                + " expected *, a group id such as g!team-7, or a prefix ending in * such as g!acme-*",
                        "relay.yaml: peers[0].groups: is empty; expected at least one entry: *, a group id such as"
                                + " g!team-7, or a prefix ending in * such as g!acme-*"),
                problems("""
                        federation:
                          supported_groups: [acme-*]
                        peers:
                          - server_id: relay-b
                            url: http://relay-b:8448
                            groups: []
                        """));
    }

    @Test
    void aClientTokenThatIsNotAHashIsReportedWithoutEchoingIt() {
        List<String> lines = problems("clients:\n  - name: cli\n    token_sha256: hunter2-secret\n");
        assertEquals(List.of("relay.yaml: clients[0].token_sha256: is not a SHA-256 digest (a value of 14 characters,"
                + " not shown); expected 64 hex digits: the SHA-256 of the token, not the token itself"
                + " (printf %s \"$TOKEN\" | sha256sum)"), lines);
        assertFalse(lines.get(0).contains("hunter2"));
    }

    @Test
    void clientsNeedDistinctNamesAndTokens() {
        String hash = "2bb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25b";
        assertEquals(List.of(
                        "relay.yaml: clients[1].name: 'cli' is already used by clients[0].name; expected each client name once",
                        "relay.yaml: clients[1].token_sha256: is the same as clients[0].token_sha256;"
                                + " expected a separate token for each client, so each can be revoked alone"),
                problems("clients:\n  - name: cli\n    token_sha256: \"" + hash + "\"\n"
                        + "  - name: cli\n    token_sha256: \"" + hash + "\"\n"));
    }

    @Test
    void aYamlSyntaxErrorGivesLineAndColumnWithoutAStackTrace() {
        assertEquals(List.of("relay.yaml: YAML syntax error at line 2, column 10: mapping values are not allowed here"),
                problems("storage:\n  path: a: b\n"));
    }

    @Test
    void anUnclosedListIsReportedWhereItWasOpened() {
        assertEquals(List.of("relay.yaml: YAML syntax error at line 3, column 7: expected ',' or ']', but got :"
                        + " (while parsing a flow sequence, from line 2, column 12)"),
                problems("federation:\n  blocked: [a, b\n  mode: open\n"));
    }

    @Test
    void aDuplicateKeyIsAnError() {
        assertEquals(List.of("relay.yaml: YAML error at line 2, column 12: duplicate key 'server_id'"),
                problems("server_id: a\nserver_id: b\n"));
    }

    @Test
    void anAliasIsRefusedRatherThanReadAsItsName() {
        assertEquals(List.of("relay.yaml: YAML error at line 4, column 13: aliases such as '*fast' are not"
                        + " supported; write the value out"),
                problems("keepalive:\n  interval: &fast 10s\nantientropy:\n  interval: *fast\n"));
    }

    @Test
    void aFileThatIsNotAMappingIsOneProblem() {
        assertEquals(List.of("relay.yaml: the file holds a list, not a mapping of keys;"
                        + " expected keys such as server_id, public_url, listen, admin_listen"),
                problems("- server_id: a\n"));
    }

    @Test
    void aSecondYamlDocumentIsRejected() {
        assertEquals(List.of("relay.yaml: the file holds more than one YAML document; expected one"),
                problems("server_id: a\n---\nserver_id: b\n"));
    }

    @Test
    void everyProblemOfTheFileIsReportedAtOnce() {
        assertEquals(List.of(
                        "relay.yaml: listen: '8448' is not a host:port address;"
                                + " expected host:port such as 127.0.0.1:8448, [::1]:8448 or localhost:0",
                        "relay.yaml: storage.pth: unknown key; did you mean 'path'?",
                        "relay.yaml: keepalive.interval: '30' is not a duration; " + DURATION,
                        "relay.yaml: logging.level: 'loud' is not a log level; expected one of debug, info, warn, error"),
                problems("""
                        listen: 8448
                        storage:
                          pth: ./data
                        keepalive:
                          interval: 30
                        logging:
                          level: loud
                        """));
    }

    @Test
    void aLongOrMultiLineValueStaysOnOneShortLine() {
        List<String> lines = problems("server_id: \"" + "x\\n".repeat(60) + "\"\n");
        assertEquals(1, lines.size());
        assertFalse(lines.get(0).contains("\n"));
        assertEquals("relay.yaml: server_id: '" + "x\\n".repeat(26) + "x\\...' is not a server id; " + SERVER_ID,
                lines.get(0));
    }
}
