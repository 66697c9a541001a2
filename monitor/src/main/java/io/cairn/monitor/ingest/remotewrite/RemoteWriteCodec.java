package io.cairn.monitor.ingest.remotewrite;

import io.cairn.monitor.ingest.remotewrite.RemoteWriteException.Reason;
import java.util.Objects;

/**
 * Prometheus remote write 1.0 bodies: snappy block-compressed {@code prometheus.WriteRequest}
 * protobuf. {@link #decode} is the receiver's side ({@code POST /api/v1/write}); {@link #encode} the
 * sender's. Thread-safe (it holds only its limits).
 */
public final class RemoteWriteCodec {
  private final RemoteWriteLimits limits;

  public RemoteWriteCodec(RemoteWriteLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /** A codec with {@link RemoteWriteLimits#DEFAULTS}. */
  public RemoteWriteCodec() {
    this(RemoteWriteLimits.DEFAULTS);
  }

  public RemoteWriteLimits limits() {
    return limits;
  }

  /**
   * Decodes a request body. For any input bytes this returns or throws {@link
   * RemoteWriteException}, nothing else.
   *
   * @throws RemoteWriteException if the body is over a limit, is not a snappy block, is not a
   *     {@code WriteRequest}, or holds a series whose labels break the rules (the whole request is
   *     refused then, nothing of it should be written)
   */
  public DecodedWrite decode(byte[] body) throws RemoteWriteException {
    return decode(body, body.length);
  }

  /** As {@link #decode(byte[])} for the first {@code length} bytes of a buffer. */
  public DecodedWrite decode(byte[] body, int length) throws RemoteWriteException {
    Objects.checkFromIndexSize(0, length, body.length);
    if (length > limits.maxCompressedBytes()) {
      throw new RemoteWriteException(
          Reason.TOO_LARGE,
          "body of "
              + length
              + " bytes exceeds the limit of "
              + limits.maxCompressedBytes()
              + " bytes");
    }
    byte[] proto = SnappyBlock.decompress(body, 0, length, limits.maxUncompressedBytes());
    return decodeProto(proto);
  }

  /** Decodes an uncompressed {@code WriteRequest} (limits on series and samples apply). */
  DecodedWrite decodeProto(byte[] proto) throws RemoteWriteException {
    return WriteRequestReader.read(proto, limits);
  }

  /**
   * The body a sender posts for {@code request}: protobuf, snappy block-compressed. Label values
   * must not hold unpaired surrogates. Limits do not apply.
   */
  public byte[] encode(WriteRequest request) {
    return SnappyBlock.compress(encodeProto(request));
  }

  /** The uncompressed protobuf of {@code request}. */
  static byte[] encodeProto(WriteRequest request) {
    return WriteRequestWriter.write(request);
  }
}
