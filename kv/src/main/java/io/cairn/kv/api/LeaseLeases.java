package io.cairn.kv.api;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import io.etcd.jetcd.api.ResponseHeader;
import io.grpc.MethodDescriptor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code etcdserverpb.Lease/LeaseLeases}, which etcd 3.3 added and jetcd-grpc's generated classes
 * lack. Its messages are tiny, so they are encoded here by field number, exactly as etcd's {@code
 * rpc.proto} defines them: {@code LeaseLeasesRequest {}} and {@code LeaseLeasesResponse { ResponseHeader
 * header = 1; repeated LeaseStatus leases = 2; }} with {@code LeaseStatus { int64 ID = 1; }}.
 */
public final class LeaseLeases {
  private LeaseLeases() {}

  static final String FULL_NAME = "etcdserverpb.Lease/LeaseLeases";

  /** The response: a header and lease IDs. */
  public record Response(ResponseHeader header, List<Long> ids) {}

  static final MethodDescriptor<byte[], Response> METHOD =
      MethodDescriptor.<byte[], Response>newBuilder()
          .setType(MethodDescriptor.MethodType.UNARY)
          .setFullMethodName(FULL_NAME)
          .setRequestMarshaller(new RequestMarshaller())
          .setResponseMarshaller(new ResponseMarshaller())
          .build();

  static byte[] encode(Response r) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      CodedOutputStream out = CodedOutputStream.newInstance(bytes);
      out.writeMessage(1, r.header());
      for (long id : r.ids()) {
        out.writeTag(2, com.google.protobuf.WireFormat.WIRETYPE_LENGTH_DELIMITED);
        out.writeUInt32NoTag(CodedOutputStream.computeInt64Size(1, id));
        out.writeInt64(1, id);
      }
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Response decode(byte[] bytes) throws IOException {
    CodedInputStream in = CodedInputStream.newInstance(bytes);
    ResponseHeader header = ResponseHeader.getDefaultInstance();
    List<Long> ids = new ArrayList<>();
    for (int tag; (tag = in.readTag()) != 0; ) {
      switch (tag >>> 3) {
        case 1 -> header = ResponseHeader.parseFrom(in.readBytes());
        case 2 -> {
          CodedInputStream status = in.readBytes().newCodedInput();
          for (int t; (t = status.readTag()) != 0; ) {
            if (t >>> 3 == 1) {
              ids.add(status.readInt64());
            } else {
              status.skipField(t);
            }
          }
        }
        default -> in.skipField(tag);
      }
    }
    return new Response(header, ids);
  }

  private static final class RequestMarshaller implements MethodDescriptor.Marshaller<byte[]> {
    @Override
    public InputStream stream(byte[] value) {
      return new ByteArrayInputStream(value);
    }

    @Override
    public byte[] parse(InputStream stream) {
      try {
        return stream.readNBytes(1024); // the request has no fields; never read more
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static final class ResponseMarshaller implements MethodDescriptor.Marshaller<Response> {
    @Override
    public InputStream stream(Response value) {
      return new ByteArrayInputStream(encode(value));
    }

    @Override
    public Response parse(InputStream stream) {
      try {
        return decode(stream.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
