package io.cairn.tsdb.wal;

/**
 * What {@link SegmentReader} found wrong in one segment, before it is known whether the segment is
 * the last one (which decides whether data that ends inside a record is a torn write).
 *
 * @param offset where the damage was found
 * @param validUntil the end of the last intact record (or verified padding) before it
 * @param truncated the data ends inside a record (as opposed to bytes that are wrong)
 * @param reason what is wrong
 */
record Damage(long offset, long validUntil, boolean truncated, String reason) {
  /** As an exception for segment {@code ref}; {@code lastSegment} turns a truncated record into a torn one. */
  CorruptionException toException(Segments.Ref ref, boolean lastSegment) {
    String why = truncated && !lastSegment ? reason + " (and it is not the last segment)" : reason;
    return new CorruptionException(ref.file(), ref.index(), offset, validUntil, truncated && lastSegment, why);
  }
}
