package io.tapsrelay.cli.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tapsrelay.frames.Ack;
import io.tapsrelay.frames.ErrorCode;
import io.tapsrelay.frames.ErrorPayload;
import io.tapsrelay.frames.Frame;
import io.tapsrelay.frames.FrameType;
import io.tapsrelay.frames.Payload;
import io.tapsrelay.frames.codec.FrameEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SendAnswersTest {
    private static final String FRAMES = EventSender.FRAMES_MEDIA_TYPE;
    private static final String EVENT_ID = "01ARZ3NDEKTSV4RRFFQ69G5FAV";

    private static byte[] line(FrameType type, Payload payload) {
        return FrameEncoder.encode(Frame.of(type, "01BX5ZZKBKACTAV9WEVGEMMVRZ", "relay-a.example", 1, null, null, payload));
    }

    @Test
    void anAckNamesTheEventAndItsOriginSeq() {
        byte[] body = line(FrameType.ACK, new Ack(1, List.of(EVENT_ID), List.of(7L)));

        assertEquals(new SendOutcome.Acked(EVENT_ID, 7), SendAnswers.read(200, FRAMES, body));
    }

    @Test
    void anErrorFrameIsARefusalWithoutTheCodeRepeatedInTheMessage() {
        byte[] body = line(FrameType.ERROR,
                ErrorPayload.of(ErrorCode.INVALID_EVENT, "invalid_event: event_id reused with other content", "x"));

        assertEquals(new SendOutcome.Refused(422, "invalid_event", "event_id reused with other content"),
                SendAnswers.read(422, FRAMES, body));
    }

    @Test
    void anErrorMessageWithoutTheCodePrefixIsKeptWhole() {
        byte[] body = line(FrameType.ERROR, new ErrorPayload("rate_limited", "slow down", null, false, 500L));

        assertEquals(new SendOutcome.Refused(429, "rate_limited", "slow down"), SendAnswers.read(429, FRAMES, body));
    }

    @Test
    void aProblemDocumentGivesItsTitleAndDetail() {
        byte[] body = "{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"bad token\"}"
                .getBytes(StandardCharsets.UTF_8);

        assertEquals(new SendOutcome.Failed(401, "Unauthorized", "bad token"),
                SendAnswers.read(401, "application/problem+json", body));
    }

    @Test
    void anAnswerOfAnotherKindIsAFailureQuotingItsStart() {
        byte[] body = "<html>\nBad Gateway\n</html>".getBytes(StandardCharsets.UTF_8);

        assertEquals(new SendOutcome.Failed(502, "HTTP 502 without frames", "<html> Bad Gateway </html>"),
                SendAnswers.read(502, "text/html", body));
    }

    @Test
    void aBrokenFrameIsAFailureNamingTheProblem() {
        SendOutcome outcome = SendAnswers.read(200, FRAMES, "{not json}\n".getBytes(StandardCharsets.UTF_8));

        assertEquals("the answer is not a valid frame", ((SendOutcome.Failed) outcome).title());
    }

    @Test
    void anAckWithoutTheEventIsAFailure() {
        SendOutcome outcome = SendAnswers.read(200, FRAMES, line(FrameType.ACK, Ack.through(1)));

        assertEquals("the ACK does not name the event", ((SendOutcome.Failed) outcome).title());
    }
}
