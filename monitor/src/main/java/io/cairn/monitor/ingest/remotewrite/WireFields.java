package io.cairn.monitor.ingest.remotewrite;

import com.google.protobuf.WireFormat;

/** Field numbers and tags of Prometheus's {@code remote.proto} and {@code types.proto} (v1). */
final class WireFields {
  private WireFields() {}

  // WriteRequest
  static final int WRITE_REQUEST_TIMESERIES = 1;
  static final int WRITE_REQUEST_METADATA = 3;

  // TimeSeries
  static final int TIMESERIES_LABELS = 1;
  static final int TIMESERIES_SAMPLES = 2;
  static final int TIMESERIES_EXEMPLARS = 3;
  static final int TIMESERIES_HISTOGRAMS = 4;

  // Label
  static final int LABEL_NAME = 1;
  static final int LABEL_VALUE = 2;

  // Sample
  static final int SAMPLE_VALUE = 1;
  static final int SAMPLE_TIMESTAMP = 2;

  // MetricMetadata
  static final int METADATA_TYPE = 1;
  static final int METADATA_FAMILY_NAME = 2;
  static final int METADATA_HELP = 4;
  static final int METADATA_UNIT = 5;

  static final int LEN = WireFormat.WIRETYPE_LENGTH_DELIMITED;
  static final int VARINT = WireFormat.WIRETYPE_VARINT;
  static final int FIXED64 = WireFormat.WIRETYPE_FIXED64;
}
