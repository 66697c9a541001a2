package io.cairn.kv.store;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of a {@link KvCommand.Batch} and of an {@link ApplyResult.Batch}: a sequence of parts,
 * each a varint length and that many bytes. Decoding refuses a part longer than the bytes left, so a
 * damaged body fails with {@link IllegalArgumentException} and never allocates more than its input.
 */
final class BatchCodec {
  private BatchCodec() {}

  static byte[] encode(List<KvCommand> commands) {
    return join(commands.stream().map(KvCommand::encode).toList());
  }

  static List<KvCommand> decode(ByteString body) {
    List<KvCommand> out = new ArrayList<>();
    for (byte[] part : split(body.toByteArray())) {
      if (part.length >= 2 && part[1] == 9) {
        throw new IllegalArgumentException("batches do not nest");
      }
      out.add(KvCommand.decode(part));
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("empty kv command batch");
    }
    return out;
  }

  static byte[] join(List<byte[]> parts) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    try {
      for (byte[] p : parts) {
        out.writeUInt32NoTag(p.length);
        out.writeRawBytes(p);
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen writing to memory
    }
    return bytes.toByteArray();
  }

  static List<byte[]> split(byte[] body) {
    CodedInputStream in = CodedInputStream.newInstance(body);
    List<byte[]> parts = new ArrayList<>();
    try {
      while (!in.isAtEnd()) {
        int length = in.readUInt32();
        if (length < 0 || length > body.length - in.getTotalBytesRead()) {
          throw new IllegalArgumentException("batch part of " + Integer.toUnsignedString(length)
              + " bytes exceeds the " + (body.length - in.getTotalBytesRead()) + " bytes left");
        }
        parts.add(in.readRawBytes(length));
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("malformed batch: " + e.getMessage());
    }
    return parts;
  }
}
