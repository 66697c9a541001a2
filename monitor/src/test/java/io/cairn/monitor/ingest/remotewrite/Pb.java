package io.cairn.monitor.ingest.remotewrite;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Raw protobuf for tests, field by field, so that tests can write what no encoder would. */
final class Pb {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final CodedOutputStream out = CodedOutputStream.newInstance(bytes);

  static Pb of() {
    return new Pb();
  }

  Pb string(int field, String s) {
    return bytes(field, s.getBytes(StandardCharsets.UTF_8));
  }

  Pb bytes(int field, byte[] b) {
    return io(() -> out.writeByteArray(field, b));
  }

  Pb message(int field, Pb nested) {
    return bytes(field, nested.build());
  }

  Pb varint(int field, long v) {
    return io(() -> out.writeUInt64(field, v));
  }

  Pb fixed64(int field, long v) {
    return io(() -> out.writeFixed64(field, v));
  }

  Pb doubleValue(int field, double v) {
    return io(() -> out.writeDouble(field, v));
  }

  Pb tag(int field, int wireType) {
    return io(() -> out.writeTag(field, wireType));
  }

  Pb raw(byte[] b) {
    return io(() -> out.writeRawBytes(b));
  }

  byte[] build() {
    io(out::flush);
    return bytes.toByteArray();
  }

  // Prometheus's messages

  static Pb label(String name, String value) {
    return of().string(1, name).string(2, value);
  }

  static Pb sample(double value, long ts) {
    return of().doubleValue(1, value).varint(2, ts);
  }

  /** A TimeSeries of alternating label names and values, then samples. */
  static Pb series(String[] labels, Pb... samples) {
    Pb ts = of();
    for (int i = 0; i < labels.length; i += 2) {
      ts.message(1, label(labels[i], labels[i + 1]));
    }
    for (Pb s : samples) {
      ts.message(2, s);
    }
    return ts;
  }

  static Pb request(Pb... series) {
    Pb req = of();
    for (Pb s : series) {
      req.message(1, s);
    }
    return req;
  }

  static final int START_GROUP = WireFormat.WIRETYPE_START_GROUP;
  static final int END_GROUP = WireFormat.WIRETYPE_END_GROUP;

  private interface IoAction {
    void run() throws IOException;
  }

  private Pb io(IoAction a) {
    try {
      a.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }
}
