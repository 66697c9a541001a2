package io.cairn.tsdb.wal;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The segment being written. Uses {@code java.io} rather than a {@code FileChannel} on purpose: an
 * interrupt of a thread in the middle of a {@code FileChannel} write or force closes the channel for
 * every thread, which would break the WAL whenever a caller of {@code log} is interrupted; {@code
 * FileOutputStream} writes and {@code FileDescriptor.sync} ({@code fsync}) are not interruptible.
 *
 * <p>Writes are serialized by the WAL's lock; {@link #sync} may run concurrently with writes (group
 * commit) and is serialized with {@link #close} on this object.
 */
final class SegmentFile {
  private final int index;
  private final FileOutputStream out;
  private boolean closed; // guarded by this

  private SegmentFile(int index, FileOutputStream out) {
    this.index = index;
    this.out = out;
  }

  /** Creates segment {@code index} in {@code dir} (it must not exist) and fsyncs the directory. */
  static SegmentFile create(Path dir, int index) throws IOException {
    Path file = Files.createFile(Segments.file(dir, index));
    FileOutputStream out = new FileOutputStream(file.toFile(), true);
    try {
      Segments.syncDir(dir);
    } catch (IOException e) {
      out.close();
      throw e;
    }
    return new SegmentFile(index, out);
  }

  int index() {
    return index;
  }

  void write(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
  }

  /**
   * fsyncs what was written, timed for the listener. Does nothing once closed: whoever closes a
   * segment syncs it first, or records the failure with the WAL.
   */
  synchronized void sync(WalListener listener) throws IOException {
    if (closed) {
      return;
    }
    long start = System.nanoTime();
    out.getFD().sync();
    listener.fsynced(System.nanoTime() - start);
  }

  synchronized void close() throws IOException {
    if (!closed) {
      closed = true;
      out.close();
    }
  }
}
