package io.cairn.tsdb.chunks;

import io.cairn.tsdb.chunkenc.Chunk;
import io.cairn.tsdb.chunkenc.Encoding;
import io.cairn.tsdb.chunkenc.XorChunk;
import java.io.Closeable;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Reads chunks by reference from a directory of segment files, memory-mapped. {@link #open}
 * checks every segment's header; each {@link #chunk} checks bounds and the CRC32C. Thread-safe;
 * {@link #close} must not run concurrently with reads.
 */
public final class ChunkFileReader implements Closeable {
  private static final ValueLayout.OfInt BE32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

  private final List<String> names;
  private final List<MemorySegment> segments;
  private final Arena arena;
  private final long size;

  private ChunkFileReader(List<String> names, List<MemorySegment> segments, Arena arena) throws CorruptChunkFileException {
    this.names = names;
    this.segments = segments;
    this.arena = arena;
    long total = 0;
    for (int i = 0; i < segments.size(); i++) {
      MemorySegment s = segments.get(i);
      if (s.byteSize() < ChunkSegments.HEADER_LENGTH) {
        throw new CorruptChunkFileException(names.get(i), 0, "a " + s.byteSize() + "-byte file is too short for the 8-byte header");
      }
      int magic = s.get(BE32, 0);
      if (magic != ChunkSegments.MAGIC) {
        throw new CorruptChunkFileException(names.get(i), 0, String.format("magic number is %08x, expected 85bd40dd", magic));
      }
      int version = s.get(ValueLayout.JAVA_BYTE, 4);
      if (version != ChunkSegments.VERSION) {
        throw new CorruptChunkFileException(names.get(i), 4, "format version is " + version + ", expected 1");
      }
      total += s.byteSize();
    }
    this.size = total;
  }

  /** Opens the segment files in {@code dir} (there may be none: a block without chunks). */
  public static ChunkFileReader open(Path dir) throws IOException {
    Arena arena = Arena.ofShared();
    try {
      List<String> names = new ArrayList<>();
      List<MemorySegment> segs = new ArrayList<>();
      for (Path p : ChunkSegments.list(dir)) {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
          segs.add(ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size(), arena));
          names.add(p.getFileName().toString());
        }
      }
      return new ChunkFileReader(names, segs, arena);
    } catch (IOException | RuntimeException e) {
      arena.close();
      throw e;
    }
  }

  /** Reads segments held in memory, the first named {@code 000001} (tests, fuzzing). */
  public static ChunkFileReader of(List<byte[]> segments) throws CorruptChunkFileException {
    List<String> names = new ArrayList<>();
    List<MemorySegment> segs = new ArrayList<>();
    for (byte[] b : segments) {
      names.add(ChunkSegments.name(names.size() + 1));
      segs.add(MemorySegment.ofArray(b));
    }
    return new ChunkFileReader(names, segs, null);
  }

  /** The chunk at {@code ref} ({@code segment << 32 | offset}), its bytes checked and copied. */
  public Chunk chunk(long ref) throws CorruptChunkFileException {
    long seg = ref >>> 32;
    long off = ref & 0xffffffffL;
    if (seg >= segments.size()) {
      throw new CorruptChunkFileException("segment " + seg, off,
          "chunk reference " + Long.toHexString(ref) + " names segment " + seg + ", but there are " + segments.size());
    }
    MemorySegment s = segments.get((int) seg);
    String name = names.get((int) seg);
    long size = s.byteSize();
    if (off < ChunkSegments.HEADER_LENGTH || off >= size) {
      throw new CorruptChunkFileException(name, off, "chunk offset is outside the " + size + "-byte segment's data");
    }
    long len = 0;
    long p = off;
    for (int shift = 0; ; shift += 7) {
      if (p >= size || p - off >= ChunkSegments.MAX_LENGTH_FIELD) {
        throw new CorruptChunkFileException(name, off, "chunk length is cut off or longer than 5 bytes");
      }
      int b = s.get(ValueLayout.JAVA_BYTE, p++) & 0xff;
      len |= (long) (b & 0x7f) << shift;
      if (b < 0x80) {
        break;
      }
    }
    long encAt = p;
    if (len > size - encAt - 1 - 4) {
      throw new CorruptChunkFileException(name, off, "chunk of " + len + " bytes runs past the end of the segment");
    }
    long dataEnd = encAt + 1 + len;
    CRC32C crc = new CRC32C();
    crc.update(s.asSlice(encAt, 1 + len).asByteBuffer());
    int want = s.get(BE32, dataEnd);
    if ((int) crc.getValue() != want) {
      throw new CorruptChunkFileException(name, off,
          String.format("checksum mismatch: stored %08x, computed %08x", want, (int) crc.getValue()));
    }
    int enc = s.get(ValueLayout.JAVA_BYTE, encAt) & 0xff;
    if (Encoding.ofCode(enc).orElse(Encoding.NONE) != Encoding.XOR) {
      throw new CorruptChunkFileException(name, off, "chunk encoding " + enc + " is not one cairn reads (1, XOR)");
    }
    if (len < 2) {
      throw new CorruptChunkFileException(name, off, "XOR chunk of " + len + " bytes is shorter than its 2-byte header");
    }
    return XorChunk.fromBytes(s.asSlice(encAt + 1, len).toArray(ValueLayout.JAVA_BYTE));
  }

  /** The segments' total size in bytes. */
  public long sizeBytes() {
    return size;
  }

  public int segmentCount() {
    return segments.size();
  }

  @Override
  public void close() {
    if (arena != null) {
      arena.close();
    }
  }
}
