package io.cairn.monitor.ingest.remotewrite;

import java.util.List;

/**
 * A remote write 1.0 request ({@code prometheus.WriteRequest}): series and metric metadata, in the
 * order sent.
 */
public record WriteRequest(List<TimeSeries> timeseries, List<MetricMetadata> metadata) {
  public WriteRequest {
    timeseries = List.copyOf(timeseries);
    metadata = List.copyOf(metadata);
  }

  public WriteRequest(List<TimeSeries> timeseries) {
    this(timeseries, List.of());
  }

  /** The number of samples over all series. */
  public int sampleCount() {
    int n = 0;
    for (TimeSeries ts : timeseries) {
      n += ts.samples().size();
    }
    return n;
  }
}
