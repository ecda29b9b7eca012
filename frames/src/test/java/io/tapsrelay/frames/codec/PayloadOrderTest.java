package io.tapsrelay.frames.codec;

import static io.tapsrelay.frames.FramesTestData.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tapsrelay.frames.InvalidPayload;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A payload after the type is read in the envelope's pass, one before it by a second parser once
 * the type is known. Both routes must decode every payload alike: the same record, the same
 * payload problem, the same syntax error (only its column moves with the payload), and envelope
 * problems after the payload still found.
 */
class PayloadOrderTest {
    private static final String ID = "01JD5S4W7K8M9N0P1Q2R3S4T5V";
    private static final String EVENT = "{\"event_id\":\"01ARZ3NDEKTSV4RRFFQ69G5FAV\",\"origin_server\":\"relay-a.example\","
            + "\"origin_seq\":1,\"origin_ts\":1764000000001,\"sender\":\"alice\",\"content\":\"aGk=\","
            + "\"content_hash\":\"sha256:8f434346648f6b96df89dda901c5176b10a6d83961dd3c1ac88b59b2dc327aa4\","
            + "\"key_id\":\"ed25519:a1\",\"signature\":\"" + "A".repeat(86) + "==\"}";

    private static final List<String[]> PAYLOADS = List.of(
            new String[] {"HELLO", "{\"server_id\":\"relay-a.example\",\"version\":\"1.0.0\",\"capabilities\":[],"
                    + "\"supported_groups\":[\"*\"],\"max_message_size\":16384}"},
            new String[] {"HELLO", "{\"server_id\":\"relay-a.example\",\"version\":\"1.0.0\"}"},
            new String[] {"HELLO", "{\"capabilities\":{\"x\":[1,{\"y\":2}]},\"max_message_size\":1,\"supported_groups\":[null]}"},
            new String[] {"CREDIT", "{\"events\":4,\"bytes\":65536}"},
            new String[] {"CREDIT", "{\"events\":{\"x\":[1,2]},\"bytes\":3}"},
            new String[] {"CREDIT", "{\"events\":1.5,\"bytes\":9223372036854775808}"},
            new String[] {"EVENT", EVENT},
            new String[] {"EVENT", EVENT.replace("\"sender\":\"alice\",", "\"sender\":\"al\\u00e9ice\\n\",\"x\":{\"y\":[{},[]]},")},
            new String[] {"EVENT", EVENT.replace("\"origin_seq\":1", "\"origin_seq\":\"1\"")},
            new String[] {"EVENT", EVENT.replace("\"content\":\"aGk=\"", "\"content\":[\"aGk=\"]")},
            new String[] {"EVENT", "{\"content\":\"aGk=\"}"},
            new String[] {"EVENT", "{}"},
            new String[] {"ACK", "{\"through_sequence\":3,\"event_ids\":[\"01ARZ3NDEKTSV4RRFFQ69G5FAV\"],\"origin_seqs\":[1,2]}"},
            new String[] {"ACK", "{\"through_sequence\":3,\"event_ids\":[null],\"origin_seqs\":[\"1\"]}"},
            new String[] {"PING", "{}"},
            new String[] {"PING", "{\"x\":[1,{\"y\":null}]}"},
            new String[] {"PONG", "{\"ping_id\":\"" + ID + "\"}"},
            new String[] {"PONG", "{\"ping_id\":5}"},
            new String[] {"ERROR", "{\"code\":\"busy\",\"message\":\"m\",\"fatal\":false,\"retry_after_ms\":5}"},
            new String[] {"ERROR", "{\"code\":\"busy\",\"message\":\"m\",\"fatal\":\"no\"}"},
            new String[] {"CHECKPOINT", "{\"origins\":[{\"origin_server\":\"a\",\"max_seq\":3,\"contiguous_seq\":1,\"count\":2,"
                    + "\"prefix_hash\":\"" + "0".repeat(64) + "\",\"missing\":[[2,2]],\"block_hashes\":[]}],\"truncated\":true}"},
            new String[] {"CHECKPOINT", "{\"origins\":[7,{\"origin_server\":\"a\",\"missing\":[[1],null,[1,2,3]]}]}"},
            new String[] {"CHECKPOINT", "{\"origins\":{}}"},
            // Syntax errors inside the payload, and duplicate keys at two depths.
            new String[] {"CREDIT", "{\"events\":}"},
            new String[] {"CREDIT", "{\"events\":1,}"},
            new String[] {"EVENT", "{\"content\" \"aGk=\"}"},
            new String[] {"EVENT", "{\"content\":\"a\\xGk=\"}"},
            new String[] {"EVENT", "{\"content\":\"a\tb\"}"},
            new String[] {"CREDIT", "{\"events\":01}"},
            new String[] {"PING", "{\"x\":tru}"},
            new String[] {"PING", "{\"x\":[1,2}"},
            new String[] {"EVENT", "{\"content\":\"aGk=\",\"content\":\"aGk=\"}"},
            new String[] {"PING", "{\"x\":{\"y\":1,\"y\":2}}"});

    @Test
    void everyPayloadDecodesAlikeBeforeAndAfterTheType() {
        for (String[] typeAndPayload : PAYLOADS) {
            String type = typeAndPayload[0];
            String payload = typeAndPayload[1];
            String typeFirst = "{\"id\":\"" + ID + "\",\"type\":\"" + type + "\",\"origin\":\"relay-a.example\",\"sequence\":1,"
                    + "\"payload\":" + payload + ",\"group_id\":\"g!team-7\"}";
            String payloadFirst = "{\"id\":\"" + ID + "\",\"payload\":" + payload + ",\"type\":\"" + type + "\","
                    + "\"origin\":\"relay-a.example\",\"sequence\":1,\"group_id\":\"g!team-7\"}";
            assertSameOutcome(typeFirst, payloadFirst);
        }
    }

    @Test
    void anEnvelopeProblemAfterAPayloadReadInPassStillRejectsTheLine() {
        for (String[] typeAndPayload : PAYLOADS) {
            String line = "{\"id\":\"" + ID + "\",\"type\":\"" + typeAndPayload[0] + "\",\"origin\":\"relay-a.example\","
                    + "\"payload\":" + typeAndPayload[1] + ",\"sequence\":\"1\"}";
            RecordingSink sink = decode(line);
            assertEquals(List.of(), sink.frames, line);
            assertTrue(sink.onlyError().message().startsWith("malformed_frame: "), sink.onlyError().message());
        }
    }

    @Test
    void theCasesCoverRecordsPayloadProblemsAndSyntaxErrors() {
        int frames = 0;
        int invalid = 0;
        int errors = 0;
        for (String[] typeAndPayload : PAYLOADS) {
            RecordingSink sink = decode("{\"type\":\"" + typeAndPayload[0] + "\",\"id\":\"" + ID
                    + "\",\"origin\":\"a\",\"sequence\":1,\"payload\":" + typeAndPayload[1] + "}");
            if (!sink.errors.isEmpty()) {
                errors++;
            } else if (sink.frames.get(0).payload() instanceof InvalidPayload) {
                invalid++;
            } else {
                frames++;
            }
        }
        assertTrue(frames >= 9 && invalid >= 9 && errors >= 9, frames + " frames, " + invalid + " invalid, " + errors + " errors");
    }

    private static void assertSameOutcome(String typeFirst, String payloadFirst) {
        RecordingSink a = decode(typeFirst);
        RecordingSink b = decode(payloadFirst);
        assertEquals(b.frames, a.frames, typeFirst);
        assertEquals(b.errors.size(), a.errors.size(), typeFirst + " -> " + a.errors + " vs " + b.errors);
        for (int i = 0; i < a.errors.size(); i++) {
            DecodeError x = a.errors.get(i);
            DecodeError y = b.errors.get(i);
            assertEquals(y.code(), x.code(), typeFirst);
            assertEquals(y.ref(), x.ref(), typeFirst);
            assertEquals(withoutColumn(y.message()), withoutColumn(x.message()), typeFirst);
        }
    }

    private static String withoutColumn(String message) {
        // Jackson names columns at the end and, for an unclosed array or object, where it started.
        return message.replaceAll("column:? \\d+", "column");
    }

    private static RecordingSink decode(String line) {
        RecordingSink sink = new RecordingSink();
        new NdjsonDecoder(16384, sink).feed(ByteBuffer.wrap(utf8(line + "\n")));
        return sink;
    }
}
