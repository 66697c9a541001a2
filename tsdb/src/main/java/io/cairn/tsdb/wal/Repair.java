package io.cairn.tsdb.wal;

import java.util.List;

/**
 * What {@link Wal#open} did about a torn end of the last segment (a crash in the middle of a write):
 * it cut segment {@code segment} at {@code offset}, the end of its last intact record, dropping
 * {@code droppedBytes} bytes, and deleted the (empty) segments after it.
 *
 * @param segment the repaired segment's index
 * @param offset its new length: the end of its last intact record
 * @param droppedBytes how many bytes were cut off
 * @param deletedSegments indexes of the later segments deleted
 * @param reason what the reader found at the cut (see {@link CorruptionException#reason()})
 */
public record Repair(int segment, long offset, long droppedBytes, List<Integer> deletedSegments, String reason) {
  public Repair {
    deletedSegments = List.copyOf(deletedSegments);
  }

  @Override
  public String toString() {
    return "repaired WAL segment " + Segments.name(segment) + ": cut at offset " + offset + " (" + droppedBytes
        + " bytes dropped" + (deletedSegments.isEmpty() ? "" : ", later segments deleted: " + deletedSegments)
        + "): " + reason;
  }
}
