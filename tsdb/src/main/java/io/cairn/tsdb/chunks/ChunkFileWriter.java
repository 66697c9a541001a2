package io.cairn.tsdb.chunks;

import io.cairn.tsdb.chunkenc.Chunk;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Writes chunks into segment files {@code 000001}, {@code 000002}, … of a directory, deciding where
 * to cut a segment exactly as Prometheus 2.42's {@code chunks.Writer.WriteChunks}: a new segment
 * starts when the next chunk (counted with a 5-byte length field) would take the current one past
 * the segment size; a chunk larger than a segment gets one of its own, longer than the size. Every
 * finished segment and the directory are fsynced. Not thread-safe.
 */
public final class ChunkFileWriter implements Closeable {
  /** Prometheus's {@code DefaultChunkSegmentSize}. */
  public static final long DEFAULT_SEGMENT_SIZE = 512L * 1024 * 1024;

  private final Path dir;
  private final long segmentSize;
  private int segments; // files created so far
  private FileOutputStream file;
  private BufferedOutputStream out;
  private long n; // bytes in the current segment, 0 before the first
  private final byte[] small = new byte[10];

  private ChunkFileWriter(Path dir, long segmentSize) {
    this.dir = dir;
    this.segmentSize = segmentSize;
  }

  /** A writer into {@code dir} (created if missing; it must hold no segment files). */
  public static ChunkFileWriter create(Path dir) throws IOException {
    return create(dir, DEFAULT_SEGMENT_SIZE);
  }

  public static ChunkFileWriter create(Path dir, long segmentSize) throws IOException {
    if (segmentSize <= ChunkSegments.HEADER_LENGTH) {
      throw new IllegalArgumentException("segment size " + segmentSize + " must exceed the 8-byte header");
    }
    Files.createDirectories(dir);
    if (!ChunkSegments.list(dir).isEmpty()) {
      throw new IllegalArgumentException(dir + " already holds chunk segment files");
    }
    return new ChunkFileWriter(dir, segmentSize);
  }

  /**
   * Writes one series' chunks and returns their references, in order.
   */
  public long[] writeChunks(List<Chunk> chunks) throws IOException {
    byte[][] data = new byte[chunks.size()][];
    int[] batchOf = new int[chunks.size()];
    long batchSize = 0;
    int batch = 0;
    boolean firstBatch = true;
    for (int i = 0; i < chunks.size(); i++) {
      data[i] = chunks.get(i).bytes();
      long size = ChunkSegments.MAX_LENGTH_FIELD + 1 + data[i].length + ChunkSegments.CRC_LENGTH;
      batchSize += size;
      boolean cut = i != 0 && batchSize + ChunkSegments.HEADER_LENGTH > segmentSize;
      if (firstBatch && n > ChunkSegments.HEADER_LENGTH) {
        cut = batchSize + n > segmentSize;
        if (cut) {
          firstBatch = false;
        }
      }
      if (cut) {
        batch++;
        batchSize = size;
      }
      batchOf[i] = batch;
    }
    if (n == 0) {
      cut();
    }
    long[] refs = new long[chunks.size()];
    int current = 0;
    for (int i = 0; i < chunks.size(); i++) {
      for (; current < batchOf[i]; current++) {
        cut(); // the first batch may be empty: then the series starts a new segment
      }
      refs[i] = ChunkSegments.ref(segments - 1, n);
      write(chunks.get(i).encoding().code(), data[i]);
    }
    return refs;
  }

  private void write(int encoding, byte[] data) throws IOException {
    int len = 0;
    long v = data.length;
    while (v >= 0x80) {
      small[len++] = (byte) (v | 0x80);
      v >>>= 7;
    }
    small[len++] = (byte) v;
    out.write(small, 0, len);
    out.write(encoding);
    out.write(data);
    CRC32C crc = new CRC32C();
    crc.update(encoding);
    crc.update(data);
    int c = (int) crc.getValue();
    out.write(new byte[] {(byte) (c >>> 24), (byte) (c >>> 16), (byte) (c >>> 8), (byte) c});
    n += len + 1 + data.length + 4;
  }

  private void cut() throws IOException {
    finishSegment();
    segments++;
    Path p = dir.resolve(ChunkSegments.name(segments));
    file = new FileOutputStream(Files.createFile(p).toFile());
    out = new BufferedOutputStream(file, 1 << 20);
    out.write(new byte[] {(byte) 0x85, (byte) 0xBD, 0x40, (byte) 0xDD, ChunkSegments.VERSION, 0, 0, 0});
    n = ChunkSegments.HEADER_LENGTH;
    syncDir(dir);
  }

  private void finishSegment() throws IOException {
    if (file != null) {
      try (FileOutputStream f = file) {
        out.flush();
        f.getFD().sync();
      }
      file = null;
      out = null;
    }
  }

  /** The number of segment files written. */
  public int segments() {
    return segments;
  }

  /** Flushes and fsyncs the last segment and the directory. */
  @Override
  public void close() throws IOException {
    finishSegment();
    syncDir(dir);
  }

  static void syncDir(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    }
  }
}
