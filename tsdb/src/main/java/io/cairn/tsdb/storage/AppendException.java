package io.cairn.tsdb.storage;

/**
 * A sample the storage refused. The {@link Reason} is what callers branch on (Prometheus counts
 * these separately and remote write answers 400 for all of them); the message is for people.
 */
public final class AppendException extends Exception {
  public enum Reason {
    /** Older than the newest sample of its series by more than the out-of-order window. */
    OUT_OF_ORDER("out of order sample"),
    /** Older than the oldest time the head still accepts (before the window, or in a persisted block). */
    OUT_OF_BOUNDS("out of bounds"),
    /** Same timestamp as an existing sample, different value. */
    DUPLICATE_SAMPLE("duplicate sample for timestamp"),
    /** A new series would exceed the active-series limit. */
    SERIES_LIMIT("series limit reached"),
    /** Empty label set, empty or duplicate label names. */
    INVALID_LABELS("invalid labels");

    private final String prometheusText;

    Reason(String prometheusText) {
      this.prometheusText = prometheusText;
    }

    /** Prometheus's error text for this reason (e.g. "out of order sample"). */
    public String prometheusText() {
      return prometheusText;
    }
  }

  private final Reason reason;

  public AppendException(Reason reason, String detail) {
    super(reason.prometheusText + (detail.isEmpty() ? "" : ": " + detail), null, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
