package io.cairn.tsdb.block;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * The {@code tombstones} file: magic {@code 0x0130BA30}, version 1, then (series ref uvarint,
 * interval count uvarint, (mint varint, maxt varint)…)…, then a CRC32C over everything after the
 * magic number except the version byte. cairn writes the empty file (9 bytes, as Prometheus) and
 * checks the file it reads; it does not apply deletions yet, so a block with any is refused.
 */
final class Tombstones {
  static final String FILE = "tombstones";
  static final byte[] EMPTY = {0x01, 0x30, (byte) 0xBA, 0x30, 0x01, 0, 0, 0, 0};

  private Tombstones() {}

  static void writeEmpty(Path blockDir) throws IOException {
    BlockFiles.writeSynced(blockDir.resolve(FILE), EMPTY);
  }

  /** Checks the file (a missing one counts as empty, as in Prometheus) and that it holds no deletions. */
  static void check(Path blockDir) throws IOException {
    Path file = blockDir.resolve(FILE);
    if (!Files.exists(file)) {
      return;
    }
    if (Files.size(file) > 64L << 20) {
      throw new BlockFormatException(file, "larger than 64 MiB");
    }
    byte[] b = Files.readAllBytes(file);
    if (b.length < 9) {
      throw new BlockFormatException(file, b.length + " bytes, shorter than the 9 of an empty tombstones file");
    }
    int magic = ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
    if (magic != 0x0130BA30) {
      throw new BlockFormatException(file, String.format("magic number is %08x, expected 0130ba30", magic));
    }
    if (b[4] != 1) {
      throw new BlockFormatException(file, "version is " + b[4] + ", expected 1");
    }
    CRC32C crc = new CRC32C();
    crc.update(b, 5, b.length - 9);
    int want = ((b[b.length - 4] & 0xff) << 24) | ((b[b.length - 3] & 0xff) << 16)
        | ((b[b.length - 2] & 0xff) << 8) | (b[b.length - 1] & 0xff);
    if ((int) crc.getValue() != want) {
      throw new BlockFormatException(file, String.format("checksum mismatch: stored %08x, computed %08x", want, (int) crc.getValue()));
    }
    if (b.length > 9) {
      throw new BlockFormatException(file, "holds deletions (tombstones), which cairn cannot apply yet");
    }
  }
}
