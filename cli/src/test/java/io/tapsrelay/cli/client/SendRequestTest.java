package io.tapsrelay.cli.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class SendRequestTest {
    private static final URI RELAY = URI.create("http://127.0.0.1:8448");
    private static final byte[] CONTENT = {1, 2, 3};

    @Test
    void theSendUriCarriesTheGroupIdsBangUnescaped() {
        SendRequest r = new SendRequest(URI.create("https://relay-a.example/"), "t", "g!team~7", CONTENT, null, null);

        assertEquals("https://relay-a.example/_taps/federation/encrypted-groups/g!team~7/send", r.sendUri().toString());
    }

    @Test
    void theEventIdIsKeptUpperCase() {
        SendRequest r = new SendRequest(RELAY, "t", "g!a", CONTENT, "01arz3ndektsv4rrffq69g5fav", null);

        assertEquals("01ARZ3NDEKTSV4RRFFQ69G5FAV", r.eventId());
    }

    @Test
    void theContentIsCopiedInAndOut() {
        byte[] content = CONTENT.clone();
        SendRequest r = new SendRequest(RELAY, "t", "g!a", content, null, null);
        content[0] = 9;
        r.content()[1] = 9;

        assertEquals(1, r.content()[0]);
        assertEquals(2, r.content()[1]);
    }

    @Test
    void badPartsAreRefusedWithTheirValue() {
        IllegalArgumentException group = assertThrows(IllegalArgumentException.class,
                () -> new SendRequest(RELAY, "t", "team", CONTENT, null, null));
        assertTrue(group.getMessage().startsWith("not a group id: 'team'"), group.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SendRequest(RELAY, "t", "g!a", CONTENT, "01ARZ3NDEKTSV4RRFFQ69G5FAU", null));
        assertThrows(IllegalArgumentException.class, () -> new SendRequest(RELAY, "", "g!a", CONTENT, null, null));
        assertThrows(IllegalArgumentException.class, () -> new SendRequest(RELAY, "two words", "g!a", CONTENT, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> new SendRequest(URI.create("ftp://relay"), "t", "g!a", CONTENT, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> new SendRequest(URI.create("http://relay/base"), "t", "g!a", CONTENT, null, null));
    }

    @Test
    void toStringShowsNeitherTokenNorContent() {
        String text = new SendRequest(RELAY, "secret-token", "g!a", CONTENT, null, null).toString();

        assertFalse(text.contains("secret-token"), text);
    }
}
