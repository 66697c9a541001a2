package io.cairn.monitor.textparse;

/**
 * Bounds a parser keeps to, whatever the input: an entry (one line, or in the text format 0.0.4 a
 * series whose label values hold raw line breaks) longer than {@code maxEntryBytes} bytes, or a
 * series or exemplar with more than {@code maxLabels} labels, is a {@link ParseException}.
 *
 * @param maxEntryBytes the longest entry in bytes, line break excluded; at least 64
 * @param maxLabels the most labels of one series (its metric name not counted) or exemplar; at
 *     least 1
 */
public record Limits(int maxEntryBytes, int maxLabels) {
  /** 1 MiB per entry and 1,024 labels: far above what exporters write, and still bounded. */
  public static final Limits DEFAULT = new Limits(1 << 20, 1024);

  public Limits {
    if (maxEntryBytes < 64) {
      throw new IllegalArgumentException("maxEntryBytes must be at least 64, got " + maxEntryBytes);
    }
    if (maxLabels < 1) {
      throw new IllegalArgumentException("maxLabels must be at least 1, got " + maxLabels);
    }
  }
}
