package io.tapsrelay.relay.identity;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * Writes secrets so that a crash leaves either the old file or the new one, never a torn one, and
 * so that no other user can read them at any moment: temp file created 0600 in the target's
 * directory, written, fsynced, renamed over the target, then the directory fsynced so the rename
 * itself survives a power cut.
 */
final class AtomicFiles {
    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final SecureRandom TEMP_NAMES = new SecureRandom();

    private AtomicFiles() {}

    /** Replaces {@code target} with {@code content}, readable and writable by the owner only. */
    static void writeOwnerOnly(Path target, byte[] content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        byte[] suffix = new byte[6];
        TEMP_NAMES.nextBytes(suffix);
        Path temp = dir.resolve("." + absolute.getFileName() + "." + HexFormat.of().formatHex(suffix) + ".tmp");
        boolean posix = isPosix();
        FileAttribute<?>[] attrs = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        try {
            try (FileChannel ch = FileChannel.open(
                    temp, EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attrs)) {
                if (posix) {
                    // The create attribute is filtered by the umask; set the mode explicitly so a
                    // permissive umask cannot widen it and a strict one cannot lock the owner out.
                    Files.setPosixFilePermissions(temp, OWNER_ONLY);
                }
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        syncDirectory(dir);
    }

    private static boolean isPosix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static void syncDirectory(Path dir) throws IOException {
        if (!isPosix()) {
            // Windows cannot open a directory as a channel; its rename is durable on its own terms.
            return;
        }
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }
}
