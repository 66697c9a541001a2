package io.cairn.tsdb.storage;

/** Something samples can be appended to: the head, or the database in front of it. Thread-safe. */
public interface Appendable {
  /** A new appender; each caller (scrape loop, write request) uses its own. */
  Appender appender();

  /**
   * An appender whose {@code commit} returns once the samples are written to the write-ahead log
   * file, without waiting for an fsync: for samples nobody is told are durable (scrapes, rule
   * evaluations), as Prometheus writes every sample. They survive {@code kill -9} of the process,
   * not a power loss before the next fsync. The default is {@link #appender()}.
   */
  default Appender appenderWithoutFsync() {
    return appender();
  }
}
