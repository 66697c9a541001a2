package io.cairn.gateway.acme;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Set;

/** Files only their owner may read, replaced atomically and durably. */
final class PrivateFiles {
  static final Set<PosixFilePermission> OWNER_RW = PosixFilePermissions.fromString("rw-------");

  private PrivateFiles() {}

  /** Refuses a file readable or writable by group or others, with Traefik's message. */
  static void checkOwnerOnly(Path file) throws IOException {
    Set<PosixFilePermission> perms;
    try {
      perms = Files.getPosixFilePermissions(file);
    } catch (UnsupportedOperationException e) {
      return; // not a POSIX file system: nothing to check
    }
    var tooOpen = new HashSet<>(perms);
    tooOpen.removeAll(OWNER_RW);
    if (!tooOpen.isEmpty()) {
      throw new IOException(
          "permissions " + octal(perms) + " for " + file + " are too open, please use 600");
    }
  }

  static String octal(Set<PosixFilePermission> perms) {
    int mode = 0;
    for (PosixFilePermission p : perms) {
      mode |= 1 << (8 - p.ordinal());
    }
    return Integer.toOctalString(mode);
  }

  /**
   * Replaces {@code file} with {@code content}: a 0600 temporary file in the same directory is
   * written and forced, renamed over {@code file}, and the directory forced; a crash at any point
   * leaves the old or the new content.
   */
  static void replace(Path file, byte[] content) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp =
        Files.createTempFile(
            dir, file.getFileName() + ".", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_RW));
    try {
      try (var ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        var buf = ByteBuffer.wrap(content);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      try (var d = FileChannel.open(dir, StandardOpenOption.READ)) {
        d.force(true);
      } catch (IOException e) {
        // some file systems cannot open a directory for reading; the rename is still atomic
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
