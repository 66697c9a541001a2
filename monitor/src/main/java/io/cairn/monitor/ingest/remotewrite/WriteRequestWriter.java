package io.cairn.monitor.ingest.remotewrite;

import static io.cairn.monitor.ingest.remotewrite.WireFields.LEN;

import com.google.protobuf.CodedOutputStream;
import io.cairn.tsdb.model.Label;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Encodes a {@link WriteRequest} as protobuf, as Prometheus's sender does: labels in their (sorted)
 * order, zero-valued scalar fields omitted (proto3), except that a {@code -0.0} value is written so
 * that it survives the round trip. Sizes are computed first, so the output is allocated once.
 */
final class WriteRequestWriter {
  private WriteRequestWriter() {}

  static byte[] write(WriteRequest req) {
    byte[] out = new byte[requestSize(req)];
    CodedOutputStream o = CodedOutputStream.newInstance(out);
    try {
      for (TimeSeries ts : req.timeseries()) {
        o.writeTag(WireFields.WRITE_REQUEST_TIMESERIES, LEN);
        o.writeUInt32NoTag(seriesSize(ts));
        writeSeries(o, ts);
      }
      for (MetricMetadata md : req.metadata()) {
        o.writeTag(WireFields.WRITE_REQUEST_METADATA, LEN);
        o.writeUInt32NoTag(metadataSize(md));
        writeMetadata(o, md);
      }
      o.checkNoSpaceLeft();
    } catch (IOException e) {
      throw new UncheckedIOException("sizes computed wrongly", e);
    }
    return out;
  }

  private static int requestSize(WriteRequest req) {
    int size = 0;
    for (TimeSeries ts : req.timeseries()) {
      size += nested(WireFields.WRITE_REQUEST_TIMESERIES, seriesSize(ts));
    }
    for (MetricMetadata md : req.metadata()) {
      size += nested(WireFields.WRITE_REQUEST_METADATA, metadataSize(md));
    }
    return size;
  }

  private static int seriesSize(TimeSeries ts) {
    int size = 0;
    for (Label l : ts.labels()) {
      size += nested(WireFields.TIMESERIES_LABELS, labelSize(l));
    }
    for (Sample s : ts.samples()) {
      size += nested(WireFields.TIMESERIES_SAMPLES, sampleSize(s));
    }
    return size;
  }

  private static void writeSeries(CodedOutputStream o, TimeSeries ts) throws IOException {
    for (Label l : ts.labels()) {
      o.writeTag(WireFields.TIMESERIES_LABELS, LEN);
      o.writeUInt32NoTag(labelSize(l));
      o.writeString(WireFields.LABEL_NAME, l.name());
      o.writeString(WireFields.LABEL_VALUE, l.value());
    }
    for (Sample s : ts.samples()) {
      o.writeTag(WireFields.TIMESERIES_SAMPLES, LEN);
      o.writeUInt32NoTag(sampleSize(s));
      if (Double.doubleToRawLongBits(s.value()) != 0) {
        o.writeDouble(WireFields.SAMPLE_VALUE, s.value());
      }
      if (s.timestampMs() != 0) {
        o.writeInt64(WireFields.SAMPLE_TIMESTAMP, s.timestampMs());
      }
    }
  }

  private static int labelSize(Label l) {
    return CodedOutputStream.computeStringSize(WireFields.LABEL_NAME, l.name())
        + CodedOutputStream.computeStringSize(WireFields.LABEL_VALUE, l.value());
  }

  private static int sampleSize(Sample s) {
    int size = 0;
    if (Double.doubleToRawLongBits(s.value()) != 0) {
      size += CodedOutputStream.computeDoubleSize(WireFields.SAMPLE_VALUE, s.value());
    }
    if (s.timestampMs() != 0) {
      size += CodedOutputStream.computeInt64Size(WireFields.SAMPLE_TIMESTAMP, s.timestampMs());
    }
    return size;
  }

  private static int metadataSize(MetricMetadata md) {
    int size = 0;
    if (md.type().number() != 0) {
      size += CodedOutputStream.computeEnumSize(WireFields.METADATA_TYPE, md.type().number());
    }
    size += optionalStringSize(WireFields.METADATA_FAMILY_NAME, md.metricFamilyName());
    size += optionalStringSize(WireFields.METADATA_HELP, md.help());
    size += optionalStringSize(WireFields.METADATA_UNIT, md.unit());
    return size;
  }

  private static void writeMetadata(CodedOutputStream o, MetricMetadata md) throws IOException {
    if (md.type().number() != 0) {
      o.writeEnum(WireFields.METADATA_TYPE, md.type().number());
    }
    writeOptionalString(o, WireFields.METADATA_FAMILY_NAME, md.metricFamilyName());
    writeOptionalString(o, WireFields.METADATA_HELP, md.help());
    writeOptionalString(o, WireFields.METADATA_UNIT, md.unit());
  }

  private static int optionalStringSize(int field, String s) {
    return s.isEmpty() ? 0 : CodedOutputStream.computeStringSize(field, s);
  }

  private static void writeOptionalString(CodedOutputStream o, int field, String s)
      throws IOException {
    if (!s.isEmpty()) {
      o.writeString(field, s);
    }
  }

  /** Size of an embedded message field: tag, length and body. */
  private static int nested(int field, int bodySize) {
    return CodedOutputStream.computeTagSize(field)
        + CodedOutputStream.computeUInt32SizeNoTag(bodySize)
        + bodySize;
  }
}
