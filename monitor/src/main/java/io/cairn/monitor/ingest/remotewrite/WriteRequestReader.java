package io.cairn.monitor.ingest.remotewrite;

import static io.cairn.monitor.ingest.remotewrite.WireFields.FIXED64;
import static io.cairn.monitor.ingest.remotewrite.WireFields.LEN;
import static io.cairn.monitor.ingest.remotewrite.WireFields.VARINT;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import io.cairn.monitor.ingest.remotewrite.MetricMetadata.Type;
import io.cairn.monitor.ingest.remotewrite.RemoteWriteException.Reason;
import io.cairn.tsdb.model.Labels;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes an uncompressed {@code WriteRequest} by hand with {@link CodedInputStream}: unknown fields
 * are skipped, a known field with the wrong wire type is an error (as Go's generated code makes it),
 * labels are checked by {@link LabelRules} as each series ends. Not thread-safe; one per request.
 */
final class WriteRequestReader {
  private final CodedInputStream in;
  private final RemoteWriteLimits limits;
  private final LabelRules rules = new LabelRules();
  private final List<TimeSeries> series = new ArrayList<>();
  private final List<MetricMetadata> metadata = new ArrayList<>();
  private int samples;
  private int exemplars;
  private int histograms;

  private WriteRequestReader(byte[] buf, RemoteWriteLimits limits) {
    this.in = CodedInputStream.newInstance(buf);
    this.in.enableAliasing(true);
    this.limits = limits;
  }

  static DecodedWrite read(byte[] buf, RemoteWriteLimits limits) throws RemoteWriteException {
    WriteRequestReader r = new WriteRequestReader(buf, limits);
    try {
      r.readWriteRequest();
    } catch (IOException e) {
      // CodedInputStream over an array only throws InvalidProtocolBufferException
      throw new RemoteWriteException(Reason.BAD_PROTOBUF, "proto: " + e.getMessage());
    }
    return new DecodedWrite(new WriteRequest(r.series, r.metadata), r.exemplars, r.histograms);
  }

  private void readWriteRequest() throws IOException, RemoteWriteException {
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      switch (WireFormat.getTagFieldNumber(tag)) {
        case WireFields.WRITE_REQUEST_TIMESERIES -> {
          expect(tag, LEN, "WriteRequest.timeseries");
          if (series.size() >= limits.maxSeries()) {
            throw new RemoteWriteException(
                Reason.TOO_LARGE, "more than " + limits.maxSeries() + " series in one request");
          }
          int old = in.pushLimit(readLength());
          series.add(readTimeSeries(series.size()));
          in.popLimit(old);
        }
        case WireFields.WRITE_REQUEST_METADATA -> {
          expect(tag, LEN, "WriteRequest.metadata");
          int old = in.pushLimit(readLength());
          metadata.add(readMetadata());
          in.popLimit(old);
        }
        default -> skip(tag);
      }
    }
  }

  private TimeSeries readTimeSeries(int index)
      throws IOException, RemoteWriteException {
    List<String> names = new ArrayList<>();
    List<String> values = new ArrayList<>();
    List<Sample> out = new ArrayList<>();
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      switch (WireFormat.getTagFieldNumber(tag)) {
        case WireFields.TIMESERIES_LABELS -> {
          expect(tag, LEN, "TimeSeries.labels");
          int old = in.pushLimit(readLength());
          readLabel(names, values);
          in.popLimit(old);
        }
        case WireFields.TIMESERIES_SAMPLES -> {
          expect(tag, LEN, "TimeSeries.samples");
          if (++samples > limits.maxSamples()) {
            throw new RemoteWriteException(
                Reason.TOO_LARGE, "more than " + limits.maxSamples() + " samples in one request");
          }
          int old = in.pushLimit(readLength());
          out.add(readSample());
          in.popLimit(old);
        }
        case WireFields.TIMESERIES_EXEMPLARS -> {
          expect(tag, LEN, "TimeSeries.exemplars");
          exemplars++;
          skip(tag);
        }
        case WireFields.TIMESERIES_HISTOGRAMS -> {
          expect(tag, LEN, "TimeSeries.histograms");
          histograms++;
          skip(tag);
        }
        default -> skip(tag);
      }
    }
    Labels labels = rules.labels(index, names, values);
    return new TimeSeries(labels, out);
  }

  private void readLabel(List<String> names, List<String> values)
      throws IOException, RemoteWriteException {
    String name = "";
    ByteString value = ByteString.EMPTY;
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      switch (WireFormat.getTagFieldNumber(tag)) {
        case WireFields.LABEL_NAME -> {
          expect(tag, LEN, "Label.name");
          name = rules.name(in.readBytes());
        }
        case WireFields.LABEL_VALUE -> {
          expect(tag, LEN, "Label.value");
          value = in.readBytes();
        }
        default -> skip(tag);
      }
    }
    names.add(name);
    values.add(rules.value(name, value));
  }

  private Sample readSample() throws IOException {
    double value = 0;
    long timestamp = 0;
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      switch (WireFormat.getTagFieldNumber(tag)) {
        case WireFields.SAMPLE_VALUE -> {
          expect(tag, FIXED64, "Sample.value");
          value = in.readDouble();
        }
        case WireFields.SAMPLE_TIMESTAMP -> {
          expect(tag, VARINT, "Sample.timestamp");
          timestamp = in.readInt64();
        }
        default -> skip(tag);
      }
    }
    return new Sample(timestamp, value);
  }

  private MetricMetadata readMetadata() throws IOException {
    Type type = Type.UNKNOWN;
    String family = "";
    String help = "";
    String unit = "";
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      switch (WireFormat.getTagFieldNumber(tag)) {
        case WireFields.METADATA_TYPE -> {
          expect(tag, VARINT, "MetricMetadata.type");
          type = Type.of(in.readEnum());
        }
        case WireFields.METADATA_FAMILY_NAME -> {
          expect(tag, LEN, "MetricMetadata.metric_family_name");
          family = in.readString();
        }
        case WireFields.METADATA_HELP -> {
          expect(tag, LEN, "MetricMetadata.help");
          help = in.readString();
        }
        case WireFields.METADATA_UNIT -> {
          expect(tag, LEN, "MetricMetadata.unit");
          unit = in.readString();
        }
        default -> skip(tag);
      }
    }
    return new MetricMetadata(type, family, help, unit);
  }

  private int readLength() throws IOException {
    int length = in.readRawVarint32();
    if (length < 0) {
      throw new InvalidProtocolBufferException("negative length " + length);
    }
    return length;
  }

  private void skip(int tag) throws IOException {
    if (!in.skipField(tag)) {
      throw new InvalidProtocolBufferException("unexpected end-group tag");
    }
  }

  private static void expect(int tag, int wireType, String field)
      throws InvalidProtocolBufferException {
    if (WireFormat.getTagWireType(tag) != wireType) {
      throw new InvalidProtocolBufferException(
          "wrong wire type " + WireFormat.getTagWireType(tag) + " for field " + field);
    }
  }
}
