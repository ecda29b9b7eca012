package io.tapsrelay.frames.codec;

import static io.tapsrelay.frames.FramesTestData.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tapsrelay.frames.Ack;
import io.tapsrelay.frames.CheckpointPayload;
import io.tapsrelay.frames.ErrorPayload;
import io.tapsrelay.frames.EventRecord;
import io.tapsrelay.frames.FrameType;
import io.tapsrelay.frames.Hello;
import io.tapsrelay.frames.InvalidPayload;
import io.tapsrelay.frames.Payload;
import io.tapsrelay.frames.SeqRange;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayloadDecodingTest {
    private static Payload payloadOf(String type, String payload) {
        String line = "{\"type\":\"" + type + "\",\"id\":\"01JD5S4W7K8M9N0P1Q2R3S4T5V\",\"origin\":\"relay-a.example\","
                + "\"sequence\":1,\"group_id\":\"g!team-7\",\"payload\":" + payload + "}\n";
        RecordingSink sink = new RecordingSink();
        new NdjsonDecoder(16384, sink).feed(ByteBuffer.wrap(utf8(line)));
        assertEquals(List.of(), sink.errors, line);
        return sink.frames.get(0).payload();
    }

    private static void assertInvalid(String type, String payload, String problem) {
        Payload decoded = payloadOf(type, payload);
        assertEquals(new InvalidPayload(FrameType.fromWire(type), problem), decoded, payload);
    }

    @Test
    void helloFieldsAreReadAndMissingListsStayNull() {
        Hello hello = (Hello) payloadOf("HELLO", "{\"server_id\":\"relay-a.example\",\"version\":\"1.0.0\",\"max_message_size\":16384,\"future\":{}}");
        assertEquals("relay-a.example", hello.serverId());
        assertNull(hello.capabilities());
        assertNull(hello.supportedGroups());
        assertEquals(16384, hello.maxMessageSize());
    }

    @Test
    void wrongJsonTypesInsideAKnownPayloadMakeItInvalid() {
        assertInvalid("HELLO", "{\"server_id\":1,\"max_message_size\":1}", "server_id is not a string");
        assertInvalid("HELLO", "{\"capabilities\":\"stream\",\"max_message_size\":1}", "capabilities is not an array");
        assertInvalid("HELLO", "{\"capabilities\":[\"stream\",3],\"max_message_size\":1}", "capabilities[1] is not a string");
        assertInvalid("HELLO", "{\"supported_groups\":[null],\"max_message_size\":1}", "supported_groups[0] is not a string");
        assertInvalid("HELLO", "{\"max_message_size\":1.5}", "max_message_size is not an integer");
        assertInvalid("HELLO", "{}", "max_message_size is missing");
        assertInvalid("CREDIT", "{\"events\":1}", "bytes is missing");
        assertInvalid("CREDIT", "{\"events\":\"1\",\"bytes\":1}", "events is not an integer");
        assertInvalid("CREDIT", "{\"events\":1,\"bytes\":99999999999999999999}", "bytes is not an integer within 64 bits");
        assertInvalid("ACK", "{}", "through_sequence is missing");
        assertInvalid("ACK", "{\"through_sequence\":1,\"origin_seqs\":[1,\"2\"]}", "origin_seqs[1] is not an integer");
        assertInvalid("PONG", "{\"ping_id\":{}}", "ping_id is not a string");
        assertInvalid("ERROR", "{\"code\":\"x\",\"message\":\"m\",\"ref\":null,\"fatal\":\"yes\"}", "fatal is not a boolean");
        assertInvalid("ERROR", "{\"code\":\"x\",\"ref\":null,\"fatal\":true}", "message is missing");
        assertInvalid("EVENT", "{\"origin_seq\":\"1\"}", "origin_seq is not an integer");
        assertInvalid("EVENT", "{\"sender\":[],\"content\":\"aGk=\"}", "sender is not a string");
        assertInvalid("CHECKPOINT", "{}", "origins is missing");
        assertInvalid("CHECKPOINT", "{\"origins\":[7]}", "origins[0] is not an object");
        assertInvalid("CHECKPOINT", "{\"origins\":[{\"origin_server\":\"a\",\"max_seq\":1,\"contiguous_seq\":1,\"count\":1}]}",
                "origins[0].prefix_hash is missing");
        assertInvalid("CHECKPOINT", "{\"origins\":[{\"origin_server\":\"a\",\"max_seq\":3,\"contiguous_seq\":1,\"count\":1,"
                + "\"prefix_hash\":\"h\",\"missing\":[[2,3,4]]}]}", "origins[0].missing[0] is not a [from,to] pair");
        assertInvalid("CHECKPOINT", "{\"origins\":[{\"origin_server\":\"a\",\"max_seq\":3,\"contiguous_seq\":1,\"count\":1,"
                + "\"prefix_hash\":\"h\",\"missing\":[2]}]}", "origins[0].missing[0] is not an array");
        assertInvalid("CHECKPOINT", "{\"origins\":[],\"truncated\":1}", "truncated is not a boolean");
    }

    @Test
    void theFirstProblemIsTheOneReported() {
        assertInvalid("CREDIT", "{\"bytes\":true,\"events\":\"x\"}", "bytes is not an integer");
    }

    @Test
    void anErrorPayloadKeepsAnUnknownCodeAndANullRef() {
        ErrorPayload error = (ErrorPayload) payloadOf("ERROR", "{\"code\":\"from_the_future\",\"message\":\"m\",\"ref\":null,\"fatal\":false}");
        assertEquals("from_the_future", error.code());
        assertTrue(error.knownCode().isEmpty());
        assertNull(error.ref());
        assertNull(error.retryAfterMs());
    }

    @Test
    void ackListsAreEmptyWhenAbsent() {
        assertEquals(Ack.through(9), payloadOf("ACK", "{\"through_sequence\":9}"));
    }

    @Test
    void checkpointRangesAndBlockHashesAreRead() {
        CheckpointPayload c = (CheckpointPayload) payloadOf("CHECKPOINT", "{\"origins\":[{\"origin_server\":\"a\",\"max_seq\":9,"
                + "\"contiguous_seq\":2,\"count\":6,\"prefix_hash\":\"h\",\"missing\":[[3,4],[7,7]],\"block_hashes\":[\"b\"]}]}");
        assertEquals(List.of(new SeqRange(3, 4), new SeqRange(7, 7)), c.origins().get(0).missing());
        assertEquals(List.of("b"), c.origins().get(0).blockHashes());
        assertTrue(!c.truncated());
    }

    @Test
    void aClientEventLeavesAbsentFieldsNullAndKeepsItsRawBytes() {
        EventRecord e = (EventRecord) payloadOf("EVENT", "{\"content\":\"aGk=\", \"sender\":null,\"note\":1}");
        assertEquals("aGk=", e.content());
        assertNull(e.eventId());
        assertNull(e.sender());
        assertNull(e.originSeq());
        assertEquals("{\"content\":\"aGk=\", \"sender\":null,\"note\":1}", e.rawText());
        assertInstanceOf(EventRecord.class, e);
    }
}
