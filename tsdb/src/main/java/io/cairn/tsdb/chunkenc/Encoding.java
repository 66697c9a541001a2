package io.cairn.tsdb.chunkenc;

import java.util.Optional;

/**
 * How a chunk's bytes are encoded, with the codes Prometheus's {@code chunkenc.Encoding} writes into
 * chunk files and WAL records ({@code EncNone = 0}, {@code EncXOR = 1}). Prometheus uses the codes
 * from 2 up for native-histogram chunks, which cairn does not read yet: {@link #ofCode} answers empty
 * for them.
 */
public enum Encoding {
  /** No encoding: not a chunk ({@code EncNone}). */
  NONE(0),
  /** Gorilla-style float chunk ({@code EncXOR}); see {@link XorChunk}. */
  XOR(1);

  private final int code;

  Encoding(int code) {
    this.code = code;
  }

  /** The byte Prometheus writes for this encoding. */
  public int code() {
    return code;
  }

  /** The encoding with this code, or empty for an unknown one. */
  public static Optional<Encoding> ofCode(int code) {
    return switch (code) {
      case 0 -> Optional.of(NONE);
      case 1 -> Optional.of(XOR);
      default -> Optional.empty();
    };
  }

  @Override
  public String toString() {
    return this == XOR ? "XOR" : "none"; // Prometheus's Encoding.String()
  }
}
