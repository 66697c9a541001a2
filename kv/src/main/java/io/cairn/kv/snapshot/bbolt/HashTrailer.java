package io.cairn.kv.snapshot.bbolt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The SHA-256 that {@code etcdctl snapshot save} appends to the database it downloads, checked as
 * {@code etcdctl snapshot restore} checks it: a file whose length is 32 more than a multiple of 512
 * has the trailer (a bbolt file is a whole number of pages, each a multiple of 512 bytes), and it
 * must match; a file without it is refused unless the hash check is skipped.
 */
final class HashTrailer {
  static final int SHA256_BYTES = 32;
  static final int BLOCK = 512;

  private HashTrailer() {}

  /**
   * Checks the trailer (unless {@code skip}) and returns the length of the database before it.
   *
   * @throws IOException if the trailer is missing or does not match
   */
  static long check(Path file, boolean skip) throws IOException {
    long length = Files.size(file);
    boolean hasHash = length % BLOCK == SHA256_BYTES;
    long data = hasHash ? length - SHA256_BYTES : length;
    if (skip) {
      return data;
    }
    if (!hasHash) {
      throw new IOException(file + " has no SHA-256 trailer (its length " + length
          + " is not 32 more than a multiple of 512, as a file from 'etcdctl snapshot save' is); "
          + "to restore a database copied from an etcd data directory, add --skip-hash-check");
    }
    MessageDigest sha = sha256();
    byte[] expected;
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[64 * 1024];
      long left = data;
      while (left > 0) {
        int n = in.read(buf, 0, (int) Math.min(buf.length, left));
        if (n < 0) {
          throw new IOException(file + " shrank while its SHA-256 was computed");
        }
        sha.update(buf, 0, n);
        left -= n;
      }
      expected = in.readNBytes(SHA256_BYTES);
    }
    byte[] actual = sha.digest();
    if (!Arrays.equals(actual, expected)) {
      throw new IOException(file + " is damaged: its SHA-256 checksum does not match its contents (trailer "
          + HexFormat.of().formatHex(expected) + ", contents " + HexFormat.of().formatHex(actual) + ")");
    }
    return data;
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
    }
  }
}
