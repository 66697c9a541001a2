package io.cairn.tsdb.storage;

/** Something samples can be appended to: the head, or the database in front of it. Thread-safe. */
public interface Appendable {
  /** A new appender; each caller (scrape loop, write request) uses its own. */
  Appender appender();
}
