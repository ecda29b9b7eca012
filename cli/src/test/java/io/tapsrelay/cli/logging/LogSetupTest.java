package io.tapsrelay.cli.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tapsrelay.config.LoggingConfig;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RootLoggerRestored.class)
class LogSetupTest {
    private static final Logger RELAY = Logger.getLogger("io.tapsrelay.relay.stream.StreamSession");
    private static final Logger NETTY = Logger.getLogger("io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2FrameCodec");

    private static List<String> lines(ByteArrayOutputStream out) {
        String text = out.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    @Test
    void textAtInfoWritesOneLinePerRecordAndDropsDebug() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LogSetup.configure(new LoggingConfig("text", "info"), out);

        RELAY.info("event=stream-open peer=a group=g!x");
        RELAY.fine("event=detail");

        List<String> lines = lines(out);
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).endsWith(" INFO  StreamSession event=stream-open peer=a group=g!x"), lines.get(0));
    }

    @Test
    void configuringAgainReplacesTheFormatInsteadOfWritingTwice() {
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        LogSetup.configure(new LoggingConfig("text", "info"), first);
        LogSetup.configure(new LoggingConfig("json", "debug"), second);

        RELAY.fine("event=detail n=1");

        assertEquals(List.of(), lines(first));
        List<String> lines = lines(second);
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("{\"ts\":"), lines.get(0));
        assertTrue(lines.get(0).contains("\"level\":\"DEBUG\""), lines.get(0));
        assertTrue(lines.get(0).endsWith("\"event\":\"detail\",\"n\":\"1\"}"), lines.get(0));
    }

    @Test
    void nettyIsHeldAtWarningEvenAtDebug() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LogSetup.configure(new LoggingConfig("text", "debug"), out);

        NETTY.info("chatty transport detail");
        NETTY.fine("more detail");
        NETTY.warning("a transport problem");

        List<String> lines = lines(out);
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).endsWith(" WARN  Http2FrameCodec a transport problem"), lines.get(0));
    }

    @Test
    void errorLevelDropsWarnings() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LogSetup.configure(new LoggingConfig("text", "error"), out);

        RELAY.warning("event=minor");
        RELAY.severe("event=major");

        List<String> lines = lines(out);
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains(" ERROR StreamSession event=major"), lines.get(0));
    }
}
