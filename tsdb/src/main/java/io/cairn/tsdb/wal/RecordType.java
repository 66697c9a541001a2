package io.cairn.tsdb.wal;

/** The record types cairn writes; the first byte of a record, as Prometheus's {@code record.Type}. */
public enum RecordType {
  /** New series: references and their labels. */
  SERIES(1),
  /** Float samples: reference, timestamp, value. */
  SAMPLES(2);

  private final int code;

  RecordType(int code) {
    this.code = code;
  }

  /** The type byte. */
  public int code() {
    return code;
  }
}
