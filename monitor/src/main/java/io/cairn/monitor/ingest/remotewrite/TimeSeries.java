package io.cairn.monitor.ingest.remotewrite;

import io.cairn.tsdb.model.Labels;
import java.util.List;
import java.util.Objects;

/**
 * One series of a write request ({@code prometheus.TimeSeries}): its labels and samples in the order
 * sent. Exemplars and native histograms are not kept (see {@link DecodedWrite}).
 */
public record TimeSeries(Labels labels, List<Sample> samples) {
  public TimeSeries {
    Objects.requireNonNull(labels, "labels");
    samples = List.copyOf(samples);
  }
}
