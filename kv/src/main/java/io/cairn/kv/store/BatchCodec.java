package io.cairn.kv.store;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.MessageLite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of a {@link KvCommand.Batch} and of an {@link ApplyResult.Batch}: a sequence of parts,
 * each a varint length and that many bytes. Decoding refuses a part longer than the bytes left, so a
 * damaged body fails with {@link IllegalArgumentException} and never allocates more than its input.
 *
 * <p>Every write goes through here twice (its command on the way into Raft, its result on the way
 * back), so encoding writes each array once at its exact size, and decoding hands out {@link Part}s
 * of the input instead of copies.
 */
final class BatchCodec {
  private BatchCodec() {}

  /** A part of a batch body: {@code length} bytes of {@code array} from {@code offset}, not copied. */
  record Part(byte[] array, int offset, int length) {}

  /** {@code header}, then each part as a varint length and its bytes, in an array of exactly that size. */
  static byte[] join(byte[] header, List<byte[]> parts) {
    long size = header.length;
    for (byte[] p : parts) {
      size += CodedOutputStream.computeUInt32SizeNoTag(p.length) + p.length;
    }
    if (size > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("batch of " + size + " bytes exceeds the largest array");
    }
    byte[] out = new byte[(int) size];
    System.arraycopy(header, 0, out, 0, header.length);
    CodedOutputStream o = CodedOutputStream.newInstance(out, header.length, out.length - header.length);
    try {
      for (byte[] p : parts) {
        o.writeUInt32NoTag(p.length);
        o.writeRawBytes(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen: the array has exactly the room needed
    }
    o.checkNoSpaceLeft();
    return out;
  }

  /** {@code header} then {@code message}'s encoding, in an array of exactly that size. */
  static byte[] framed(byte[] header, MessageLite message) {
    int size = message.getSerializedSize();
    byte[] out = new byte[header.length + size];
    System.arraycopy(header, 0, out, 0, header.length);
    CodedOutputStream o = CodedOutputStream.newInstance(out, header.length, size);
    try {
      message.writeTo(o);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen: the array has exactly the room needed
    }
    o.checkNoSpaceLeft();
    return out;
  }

  static List<KvCommand> decode(byte[] bytes, int offset, int length) {
    List<KvCommand> out = new ArrayList<>();
    for (Part part : split(bytes, offset, length)) {
      if (part.length() >= 2 && bytes[part.offset() + 1] == 9) {
        throw new IllegalArgumentException("batches do not nest");
      }
      out.add(KvCommand.decode(bytes, part.offset(), part.length()));
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("empty kv command batch");
    }
    return out;
  }

  /** The parts of the body at {@code bytes[offset, offset + length)}. */
  static List<Part> split(byte[] bytes, int offset, int length) {
    CodedInputStream in = CodedInputStream.newInstance(bytes, offset, length);
    List<Part> parts = new ArrayList<>();
    try {
      while (!in.isAtEnd()) {
        int partLength = in.readUInt32();
        int left = length - in.getTotalBytesRead();
        if (partLength < 0 || partLength > left) {
          throw new IllegalArgumentException("batch part of " + Integer.toUnsignedString(partLength)
              + " bytes exceeds the " + left + " bytes left");
        }
        parts.add(new Part(bytes, offset + in.getTotalBytesRead(), partLength));
        in.skipRawBytes(partLength);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("malformed batch: " + e.getMessage());
    }
    return parts;
  }
}
