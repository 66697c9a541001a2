package io.cairn.tsdb.wal;

import static io.cairn.tsdb.wal.Format.HEADER_SIZE;
import static io.cairn.tsdb.wal.Format.LAST;
import static io.cairn.tsdb.wal.Format.PAGE_SIZE;
import static io.cairn.tsdb.wal.Format.TYPE_MASK;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@link Wal#open} does before writing: reads the last non-empty segment to its end and, if
 * it ends in damage, cuts it at its last intact record and deletes the (empty) segments after it, as
 * Prometheus's {@code Repair} does after a crash in the middle of a write.
 *
 * <p>A torn write damages only the end of what was written. If an intact fragment follows the damage
 * in a later page of the segment, the damage is not a torn write but corruption of data that was
 * already durable: nothing is cut and {@link CorruptionException} is thrown. Older segments are not
 * read here; replay reports their corruption.
 */
final class TailRepair {
  private TailRepair() {}

  static Optional<Repair> run(List<Segments.Ref> segments, WalListener listener) throws IOException {
    int k = segments.size() - 1;
    while (k >= 0 && Files.size(segments.get(k).file()) == 0) {
      k--;
    }
    if (k < 0) {
      return Optional.empty();
    }
    Segments.Ref last = segments.get(k);
    Damage damage;
    try (SegmentReader r = new SegmentReader(last.file())) {
      while (r.next() != null) {
        // read to the end
      }
      damage = r.damage();
    }
    if (damage == null) {
      return Optional.empty();
    }
    long size = Files.size(last.file());
    if (!damage.truncated()) {
      long intact = intactFragmentAfter(last, damage.offset(), size);
      if (intact >= 0) {
        throw new CorruptionException(last.file(), last.index(), damage.offset(), damage.validUntil(), false,
            damage.reason() + "; an intact fragment follows at offset " + intact
                + ", so this is not a torn write and the records after it are not dropped");
      }
    }
    try (FileChannel ch = FileChannel.open(last.file(), StandardOpenOption.WRITE)) {
      ch.truncate(damage.validUntil());
      ch.force(true);
    }
    List<Integer> deleted = new ArrayList<>();
    for (int i = segments.size() - 1; i > k; i--) {
      Files.delete(segments.get(i).file());
      deleted.add(segments.get(i).index());
    }
    Segments.syncDir(last.file().getParent());
    Repair repair = new Repair(last.index(), damage.validUntil(), size - damage.validUntil(), deleted.reversed(),
        damage.reason() + " (found at offset " + damage.offset() + ")");
    listener.repaired(repair);
    return Optional.of(repair);
  }

  /** The offset of the first page after {@code damageAt} that starts with an intact fragment, or -1. */
  private static long intactFragmentAfter(Segments.Ref segment, long damageAt, long size) throws IOException {
    byte[] page = new byte[PAGE_SIZE];
    try (FileChannel ch = FileChannel.open(segment.file(), StandardOpenOption.READ)) {
      for (long p = (damageAt / PAGE_SIZE + 1) * PAGE_SIZE; p + HEADER_SIZE < size; p += PAGE_SIZE) {
        ByteBuffer buf = ByteBuffer.wrap(page);
        long at = p;
        while (buf.hasRemaining()) {
          int read = ch.read(buf, at);
          if (read < 0) {
            break;
          }
          at += read;
        }
        int n = buf.position();
        int type = page[0] & 0xff;
        int length = Format.length(page, 0);
        if ((type & ~TYPE_MASK) == 0 && type >= 1 && type <= LAST && length > 0 && HEADER_SIZE + length <= n
            && Format.crc(page, 0) == Format.crc32c(page, HEADER_SIZE, length)) {
          return p;
        }
      }
    }
    return -1;
  }
}
