package io.cairn.tsdb.wal;

import io.cairn.tsdb.model.Label;
import io.cairn.tsdb.model.Labels;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The record codec, byte for byte Prometheus 2.42's {@code tsdb/record} for the two types cairn
 * writes (see {@code docs/formats/tsdb-wal.md}):
 *
 * <ul>
 *   <li>series (type 1): per series, the reference as 8 bytes big-endian, the label count as a
 *       uvarint, then each label's name and value as uvarint-length-prefixed UTF-8;
 *   <li>samples (type 2): if any, the first sample's reference and timestamp as 8 bytes big-endian
 *       each (the base), then per sample the reference and timestamp as zig-zag varint deltas from
 *       the base and the value's IEEE 754 bits as 8 bytes big-endian.
 * </ul>
 *
 * <p>Stateless and thread-safe. Decoding never allocates more than the record's size and throws
 * {@link RecordFormatException}, and only that, on bytes it cannot decode.
 */
public final class Records {
  private Records() {}

  /**
   * The type of {@code rec}.
   *
   * @throws RecordFormatException if the record is empty or of a type cairn does not read
   */
  public static RecordType type(byte[] rec) {
    if (rec.length == 0) {
      throw new RecordFormatException("empty WAL record has no type");
    }
    int t = rec[0] & 0xff;
    return switch (t) {
      case 1 -> RecordType.SERIES;
      case 2 -> RecordType.SAMPLES;
      case 3 -> throw new RecordFormatException("WAL record type 3 (tombstones) is not supported by cairn yet");
      case 4 -> throw new RecordFormatException("WAL record type 4 (exemplars) is not supported by cairn yet");
      default -> throw new RecordFormatException("unknown WAL record type " + t
          + " (cairn reads 1 = series and 2 = samples)");
    };
  }

  public static byte[] encodeSeries(List<RefSeries> series) {
    ByteEncoder e = new ByteEncoder(1 + 64 * series.size());
    e.putByte(RecordType.SERIES.code());
    for (RefSeries s : series) {
      e.putBe64(s.ref());
      e.putUvarint(s.labels().size());
      for (Label l : s.labels()) {
        e.putUvarintBytes(utf8(l.name()));
        e.putUvarintBytes(utf8(l.value()));
      }
    }
    return e.toByteArray();
  }

  public static List<RefSeries> decodeSeries(byte[] rec) {
    ByteDecoder d = typed(rec, RecordType.SERIES);
    List<RefSeries> out = new ArrayList<>();
    while (d.remaining() > 0) {
      long ref = d.be64();
      int at = d.position();
      long n = d.uvarint();
      if (n > d.remaining() / 2) {
        throw d.error(at, "label count " + Long.toUnsignedString(n) + " is more than the record can hold");
      }
      Labels.Builder b = Labels.builder();
      for (int i = 0; i < n; i++) {
        at = d.position();
        String name = string(d);
        String value = string(d);
        if (name.isEmpty() || value.isEmpty()) {
          throw d.error(at, "label " + (name.isEmpty() ? "name" : name + "'s value") + " is empty");
        }
        if (!b.get(name).isEmpty()) {
          throw d.error(at, "label " + name + " appears twice");
        }
        b.set(name, value);
      }
      out.add(new RefSeries(ref, b.build()));
    }
    return out;
  }

  public static byte[] encodeSamples(List<RefSample> samples) {
    ByteEncoder e = new ByteEncoder(1 + 16 + 12 * samples.size());
    e.putByte(RecordType.SAMPLES.code());
    if (samples.isEmpty()) {
      return e.toByteArray();
    }
    RefSample first = samples.getFirst();
    e.putBe64(first.ref());
    e.putBe64(first.t());
    for (RefSample s : samples) {
      e.putVarint(s.ref() - first.ref());
      e.putVarint(s.t() - first.t());
      e.putBe64(Double.doubleToRawLongBits(s.v()));
    }
    return e.toByteArray();
  }

  public static List<RefSample> decodeSamples(byte[] rec) {
    ByteDecoder d = typed(rec, RecordType.SAMPLES);
    List<RefSample> out = new ArrayList<>();
    if (d.remaining() == 0) {
      return out;
    }
    long baseRef = d.be64();
    long baseTime = d.be64();
    while (d.remaining() > 0) {
      long ref = baseRef + d.varint();
      long t = baseTime + d.varint();
      out.add(new RefSample(ref, t, Double.longBitsToDouble(d.be64())));
    }
    return out;
  }

  private static ByteDecoder typed(byte[] rec, RecordType expected) {
    RecordType actual = type(rec);
    if (actual != expected) {
      throw new RecordFormatException("expected a " + expected + " record, got " + actual);
    }
    ByteDecoder d = new ByteDecoder(rec);
    d.readByte();
    return d;
  }

  private static byte[] utf8(String s) {
    try {
      ByteBuffer b = StandardCharsets.UTF_8.newEncoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .encode(CharBuffer.wrap(s));
      byte[] out = new byte[b.remaining()];
      b.get(out);
      return out;
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("label text is not valid Unicode (lone surrogate): " + s, e);
    }
  }

  private static String string(ByteDecoder d) {
    int at = d.position();
    byte[] b = d.uvarintBytes();
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b))
          .toString();
    } catch (CharacterCodingException e) {
      throw d.error(at, "label text is not valid UTF-8");
    }
  }
}
