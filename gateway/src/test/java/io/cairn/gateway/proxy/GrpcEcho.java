package io.cairn.gateway.proxy;

import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A tiny gRPC service defined without protoc (UTF-8 string messages) on a grpc-java Netty server
 * (cleartext HTTP/2, so the gateway reaches it as {@code h2c://}): {@code Unary} echoes, {@code
 * Stream} answers N numbered messages, {@code Collect} counts what the client streamed, {@code
 * Fail} ends with FAILED_PRECONDITION and a message, {@code Hang} never answers and counts down
 * {@link #cancelled} when the call is cancelled (an RST_STREAM reached the server).
 */
final class GrpcEcho implements AutoCloseable {
  static final MethodDescriptor.Marshaller<String> UTF8 = new MethodDescriptor.Marshaller<>() {
    @Override
    public InputStream stream(String value) {
      return new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String parse(InputStream stream) {
      try {
        return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  };
  static final MethodDescriptor<String, String> UNARY = method("Unary", MethodDescriptor.MethodType.UNARY);
  static final MethodDescriptor<String, String> STREAM = method("Stream", MethodDescriptor.MethodType.SERVER_STREAMING);
  static final MethodDescriptor<String, String> COLLECT = method("Collect", MethodDescriptor.MethodType.CLIENT_STREAMING);
  static final MethodDescriptor<String, String> FAIL = method("Fail", MethodDescriptor.MethodType.UNARY);
  static final MethodDescriptor<String, String> HANG = method("Hang", MethodDescriptor.MethodType.UNARY);

  final CountDownLatch hangStarted = new CountDownLatch(1);
  final CountDownLatch cancelled = new CountDownLatch(1);
  private final Server server;

  private static MethodDescriptor<String, String> method(String name, MethodDescriptor.MethodType type) {
    return MethodDescriptor.<String, String>newBuilder().setType(type)
        .setFullMethodName(MethodDescriptor.generateFullMethodName("test.Echo", name))
        .setRequestMarshaller(UTF8).setResponseMarshaller(UTF8).build();
  }

  GrpcEcho() throws IOException {
    ServerServiceDefinition service = ServerServiceDefinition.builder("test.Echo")
        .addMethod(UNARY, ServerCalls.asyncUnaryCall((req, out) -> {
          out.onNext("echo:" + req);
          out.onCompleted();
        }))
        .addMethod(STREAM, ServerCalls.asyncServerStreamingCall((req, out) -> {
          int n = Integer.parseInt(req);
          for (int i = 0; i < n; i++) {
            out.onNext("m" + i + ":" + "x".repeat(100));
          }
          out.onCompleted();
        }))
        .addMethod(COLLECT, ServerCalls.asyncClientStreamingCall(out -> new StreamObserver<String>() {
          private int count;
          private long bytes;

          @Override
          public void onNext(String value) {
            count++;
            bytes += value.length();
          }

          @Override
          public void onError(Throwable t) {}

          @Override
          public void onCompleted() {
            out.onNext(count + " messages, " + bytes + " chars");
            out.onCompleted();
          }
        }))
        .addMethod(FAIL, ServerCalls.asyncUnaryCall((req, out) -> out.onError(
            Status.FAILED_PRECONDITION.withDescription("nope: " + req).asRuntimeException())))
        .addMethod(HANG, ServerCalls.asyncUnaryCall((req, out) -> {
          ((ServerCallStreamObserver<String>) out).setOnCancelHandler(cancelled::countDown);
          hangStarted.countDown();
        }))
        .build();
    server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(service).build().start();
  }

  int port() {
    return server.getPort();
  }

  @Override
  public void close() throws InterruptedException {
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }
}
