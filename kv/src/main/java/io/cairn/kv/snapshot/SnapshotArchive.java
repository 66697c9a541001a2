package io.cairn.kv.snapshot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** Writes and reads snapshot files; see the package documentation for the format. */
public final class SnapshotArchive {
  static final int BLOCK = 512;
  static final int SHA256_BYTES = 32;
  /** Largest single file accepted when reading (8 GiB): a bound on untrusted headers. */
  static final long MAX_FILE_BYTES = 8L << 30;

  private SnapshotArchive() {}

  /** The files of a checkpoint directory, in name order (sub-directories are not expected). */
  static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  /** The exact number of bytes {@link #write} produces for {@code dir}. */
  public static long size(Path dir) throws IOException {
    long total = 2L * BLOCK + SHA256_BYTES;
    for (Path f : files(dir)) {
      total += BLOCK + roundUp(Files.size(f));
    }
    return total;
  }

  /** Writes the archive of {@code dir} and its checksum to {@code out}. */
  public static void write(Path dir, OutputStream out) throws IOException {
    MessageDigest sha = sha256();
    DigestOutputStream digesting = new DigestOutputStream(out, sha);
    for (Path f : files(dir)) {
      long size = Files.size(f);
      digesting.write(header(f.getFileName().toString(), size));
      try (InputStream in = Files.newInputStream(f)) {
        long copied = in.transferTo(digesting);
        if (copied != size) {
          throw new IOException("file " + f + " changed while it was archived");
        }
      }
      digesting.write(new byte[(int) (roundUp(size) - size)]);
    }
    digesting.write(new byte[2 * BLOCK]);
    digesting.flush();
    out.write(sha.digest());
    out.flush();
  }

  /**
   * Checks the checksum of a snapshot file and unpacks it into {@code target} (created; must not
   * exist).
   *
   * @throws IOException with a message saying what is wrong with a damaged or foreign file
   */
  public static void extract(Path file, Path target) throws IOException {
    long length = Files.size(file);
    if (length < 2 * BLOCK + SHA256_BYTES || (length - SHA256_BYTES) % BLOCK != 0) {
      throw new IOException(
          file + " is not a cairn snapshot: its length " + length + " is not 32 more than a multiple of 512");
    }
    MessageDigest sha = sha256();
    byte[] expected;
    try (InputStream in = Files.newInputStream(file)) {
      long left = length - SHA256_BYTES;
      byte[] buf = new byte[64 * 1024];
      while (left > 0) {
        int n = in.read(buf, 0, (int) Math.min(buf.length, left));
        if (n < 0) {
          throw new IOException(file + " ended early");
        }
        sha.update(buf, 0, n);
        left -= n;
      }
      expected = in.readNBytes(SHA256_BYTES);
    }
    if (!Arrays.equals(sha.digest(), expected)) {
      throw new IOException(file + " is damaged or not a cairn snapshot: its SHA-256 checksum does not match");
    }
    Files.createDirectories(target.getParent() == null ? target.toAbsolutePath().getParent() : target.getParent());
    Files.createDirectory(target);
    try (InputStream in = Files.newInputStream(file)) {
      List<String> names = new ArrayList<>();
      while (true) {
        byte[] header = in.readNBytes(BLOCK);
        if (header.length < BLOCK) {
          throw new IOException(file + " ended inside an archive header");
        }
        if (isZero(header)) {
          break;
        }
        Entry e = parse(header, file);
        if (names.contains(e.name())) {
          throw new IOException(file + " holds " + e.name() + " twice");
        }
        names.add(e.name());
        try (OutputStream out = Files.newOutputStream(target.resolve(e.name()))) {
          copy(in, out, e.size());
        }
        in.skipNBytes(roundUp(e.size()) - e.size());
      }
    }
  }

  private record Entry(String name, long size) {}

  private static Entry parse(byte[] h, Path file) throws IOException {
    String name = new String(h, 0, 100, StandardCharsets.US_ASCII).replace("\0", "");
    if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.equals(".") || name.equals("..")) {
      throw new IOException(file + " holds a file with a forbidden name '" + name + "'");
    }
    if (h[156] != '0' && h[156] != 0) {
      throw new IOException(file + " holds '" + name + "', which is not a regular file");
    }
    long size;
    try {
      size = Long.parseLong(new String(h, 124, 11, StandardCharsets.US_ASCII).trim(), 8);
    } catch (NumberFormatException e) {
      throw new IOException(file + " has a malformed size for '" + name + "'");
    }
    if (size < 0 || size > MAX_FILE_BYTES) {
      throw new IOException(file + " claims a size of " + size + " bytes for '" + name + "'");
    }
    return new Entry(name, size);
  }

  private static void copy(InputStream in, OutputStream out, long size) throws IOException {
    byte[] buf = new byte[64 * 1024];
    long left = size;
    while (left > 0) {
      int n = in.read(buf, 0, (int) Math.min(buf.length, left));
      if (n < 0) {
        throw new IOException("snapshot ended inside a file");
      }
      out.write(buf, 0, n);
      left -= n;
    }
  }

  static byte[] header(String name, long size) {
    byte[] nameBytes = name.getBytes(StandardCharsets.US_ASCII);
    if (nameBytes.length > 100) {
      throw new IllegalArgumentException("file name longer than 100 bytes: " + name);
    }
    byte[] h = new byte[BLOCK];
    System.arraycopy(nameBytes, 0, h, 0, nameBytes.length);
    put(h, 100, "0000644");
    put(h, 108, "0000000");
    put(h, 116, "0000000");
    put(h, 124, String.format("%011o", size));
    put(h, 136, "00000000000");
    Arrays.fill(h, 148, 156, (byte) ' ');
    h[156] = '0';
    put(h, 257, "ustar");
    h[263] = '0';
    h[264] = '0';
    long sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    put(h, 148, String.format("%06o", sum));
    h[154] = 0;
    h[155] = ' ';
    return h;
  }

  private static void put(byte[] h, int at, String s) {
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(b, 0, h, at, b.length);
  }

  private static boolean isZero(byte[] b) {
    for (byte x : b) {
      if (x != 0) {
        return false;
      }
    }
    return true;
  }

  static long roundUp(long n) {
    return (n + BLOCK - 1) / BLOCK * BLOCK;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
    }
  }

  /** For tests: the archive of {@code dir} in memory. */
  static byte[] toBytes(Path dir) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(dir, out);
    return out.toByteArray();
  }
}
