package io.tapsrelay.relay.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalTokensTest {
    @TempDir
    Path dir;

    @Test
    void aTokenIsCreatedOnceAndReturnedThereafter() throws IOException {
        Path file = dir.resolve("data/client-token");
        String first = LocalTokens.loadOrCreate(file);
        assertTrue(first.matches("[A-Za-z0-9_-]{43}"), first);
        assertEquals(32, Base64.getUrlDecoder().decode(first).length);
        assertEquals(first + "\n", Files.readString(file));
        assertEquals(first, LocalTokens.loadOrCreate(file));
    }

    @Test
    void twoFilesGetDifferentTokens() throws IOException {
        assertNotEquals(LocalTokens.loadOrCreate(dir.resolve("client-token")), LocalTokens.loadOrCreate(dir.resolve("admin-token")));
    }

    @Test
    void theTokenFileIsReadableByTheOwnerOnly() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path file = dir.resolve("admin-token");
        LocalTokens.loadOrCreate(file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void aTokenAnOperatorWroteIsKept() throws IOException {
        Path file = dir.resolve("client-token");
        Files.writeString(file, "my-own_token\n");
        assertEquals("my-own_token", LocalTokens.loadOrCreate(file));
    }

    @Test
    void aFileHoldingSomethingElseIsRefused() throws IOException {
        Path file = dir.resolve("client-token");
        Files.writeString(file, "two words\n");
        IOException e = assertThrows(IOException.class, () -> LocalTokens.loadOrCreate(file));
        assertTrue(e.getMessage().startsWith(file + " does not hold a base64url token"), e.getMessage());
    }
}
