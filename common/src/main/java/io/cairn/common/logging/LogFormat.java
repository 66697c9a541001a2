package io.cairn.common.logging;

/** How log lines are written. */
public enum LogFormat {
  /** {@code 2026-11-21T18:20:01.123Z INFO  [main] kv.server - message}. */
  TEXT,
  /** One JSON object per line, for log shippers. */
  JSON
}
