package io.cairn.monitor.ingest.lineprotocol;

import io.cairn.tsdb.model.Labels;
import java.util.Objects;

/**
 * One sample decoded from line protocol: a series (its labels include {@code __name__}), a
 * timestamp in milliseconds since the epoch and a value.
 */
public record SeriesSample(Labels labels, long timestampMs, double value) {
  public SeriesSample {
    Objects.requireNonNull(labels, "labels");
  }
}
