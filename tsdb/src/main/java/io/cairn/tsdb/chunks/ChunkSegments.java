package io.cairn.tsdb.chunks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The layout constants and file naming of chunk segment files. */
final class ChunkSegments {
  static final int MAGIC = 0x85BD40DD;
  static final int VERSION = 1;
  static final int HEADER_LENGTH = 8; // magic, version, 3 bytes of padding
  static final int MAX_LENGTH_FIELD = 5; // binary.MaxVarintLen32, as Prometheus reserves
  static final int CRC_LENGTH = 4;

  private ChunkSegments() {}

  /** {@code %06d}, as Prometheus names segment files. */
  static String name(int index) {
    return String.format("%06d", index);
  }

  /** The segment files in {@code dir} (names that are decimal numbers), in numeric order. */
  static List<Path> list(Path dir) throws IOException {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.filter(p -> p.getFileName().toString().matches("[0-9]{1,18}"))
          .sorted((a, b) -> Long.compare(number(a), number(b)))
          .forEach(out::add);
    }
    return out;
  }

  private static long number(Path p) {
    return Long.parseLong(p.getFileName().toString());
  }

  static long ref(int segment, long offset) {
    return ((long) segment << 32) | offset;
  }
}
