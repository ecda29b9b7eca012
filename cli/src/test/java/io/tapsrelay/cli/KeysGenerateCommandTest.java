package io.tapsrelay.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tapsrelay.frames.crypto.Ed25519Keys;
import io.tapsrelay.relay.identity.SigningKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysGenerateCommandTest {
    @TempDir
    Path dir;

    @Test
    void printsAPemThatTheRelayReadsAndItsKeyIdToStderr() {
        CliRun run = CliRun.tapsrelay("keys", "generate");

        assertEquals(0, run.exitCode(), run.transcript());
        assertTrue(run.out().startsWith("-----BEGIN PRIVATE KEY-----"), run.out());
        Ed25519Keys.KeyPair key = SigningKeys.readPem(run.out());
        String keyId = SigningKeys.keyIdOf(key.publicKey());
        assertEquals("key_id=" + keyId + " public_key=" + Base64.getEncoder().encodeToString(key.publicKey()),
                run.err().strip());
    }

    @Test
    void everyRunMakesANewKey() {
        String first = CliRun.tapsrelay("keys", "generate").out();
        String second = CliRun.tapsrelay("keys", "generate").out();

        assertNotEquals(first, second);
    }

    @Test
    void writesTheKeyToANewFileReadableByItsOwnerOnly() throws Exception {
        Path file = dir.resolve("signing-key.pem");

        CliRun run = CliRun.tapsrelay("keys", "generate", "--out", file.toString());

        assertEquals(0, run.exitCode(), run.transcript());
        assertEquals("", run.out());
        Ed25519Keys.KeyPair key = SigningKeys.readPem(Files.readString(file, StandardCharsets.US_ASCII));
        assertTrue(run.err().contains("key_id=" + SigningKeys.keyIdOf(key.publicKey())), run.err());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void refusesToOverwriteAnExistingFile() throws Exception {
        Path file = dir.resolve("signing-key.pem");
        byte[] before = "an existing key\n".getBytes(StandardCharsets.US_ASCII);
        Files.write(file, before);

        CliRun run = CliRun.tapsrelay("keys", "generate", "--out", file.toString());

        assertEquals(1, run.exitCode(), run.transcript());
        assertEquals("error: " + file + " already exists; not overwriting a key", run.err().strip());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void aMissingDirectoryIsReportedPlainly() {
        Path file = dir.resolve("no-such-dir").resolve("key.pem");

        CliRun run = CliRun.tapsrelay("keys", "generate", "--out", file.toString());

        assertEquals(1, run.exitCode(), run.transcript());
        assertEquals("error: cannot write " + file + ": its directory does not exist", run.err().strip());
    }
}
