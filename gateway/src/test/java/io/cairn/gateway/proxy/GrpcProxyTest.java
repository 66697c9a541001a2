package io.cairn.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.gateway.server.EntryPoint;
import io.cairn.gateway.server.EntryPointOptions;
import io.cairn.gateway.server.StaticRouter;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * grpc-java end to end: client → gateway entry point (h2c, and h2 over TLS) → {@code h2c://}
 * grpc-java backend. Trailers (grpc-status, grpc-message) must arrive, bodies stream both ways,
 * and a client's cancel must reach the backend as RST_STREAM.
 */
class GrpcProxyTest {
  private static GrpcEcho backend;
  private static EntryPoint web;
  private static EntryPoint websecure;
  private static SelfSignedCertificate cert;
  private static ManagedChannel plain;
  private static ManagedChannel tls;

  @BeforeAll
  static void start() throws Exception {
    backend = new GrpcEcho();
    cert = new SelfSignedCertificate("localhost");
    StaticRouter router = new StaticRouter(java.net.URI.create("h2c://127.0.0.1:" + backend.port()));
    EntryPointOptions options = EntryPointOptions.defaults().withIoThreads(2)
        .withGraceTimeout(Duration.ofSeconds(1));
    web = EntryPoint.start("web", new InetSocketAddress("127.0.0.1", 0), options, router);
    websecure = EntryPoint.start("websecure", new InetSocketAddress("127.0.0.1", 0),
        options.withTls(new EntryPointOptions.TlsFiles(cert.certificate().toPath(), cert.privateKey().toPath())),
        router);
    plain = NettyChannelBuilder.forAddress("127.0.0.1", web.port()).usePlaintext().build();
    tls = NettyChannelBuilder.forAddress("127.0.0.1", websecure.port()).overrideAuthority("localhost")
        .sslContext(GrpcSslContexts.forClient().trustManager(cert.certificate()).build()).build();
  }

  @AfterAll
  static void stop() throws Exception {
    for (ManagedChannel c : new ManagedChannel[] {plain, tls}) {
      if (c != null) {
        c.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
    if (web != null) {
      web.stop();
      websecure.stop();
    }
    if (backend != null) {
      backend.close();
    }
    if (cert != null) {
      cert.delete();
    }
  }

  private static ManagedChannel channel(String which) {
    return which.equals("tls") ? tls : plain;
  }

  private static CallOptions deadline() {
    return CallOptions.DEFAULT.withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2c", "tls"})
  void unaryCall(String which) {
    assertThat(ClientCalls.blockingUnaryCall(channel(which), GrpcEcho.UNARY, deadline(), "hi"))
        .isEqualTo("echo:hi");
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2c", "tls"})
  void serverStreamingCallWithManyMessages(String which) {
    Iterator<String> it = ClientCalls.blockingServerStreamingCall(channel(which), GrpcEcho.STREAM, deadline(), "5000");
    int i = 0;
    while (it.hasNext()) {
      assertThat(it.next()).startsWith("m" + i + ":");
      i++;
    }
    assertThat(i).isEqualTo(5000);
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2c", "tls"})
  void clientStreamingCall(String which) throws Exception {
    CompletableFuture<String> result = new CompletableFuture<>();
    StreamObserver<String> requests = ClientCalls.asyncClientStreamingCall(
        channel(which).newCall(GrpcEcho.COLLECT, deadline()), new StreamObserver<>() {
          @Override
          public void onNext(String value) {
            result.complete(value);
          }

          @Override
          public void onError(Throwable t) {
            result.completeExceptionally(t);
          }

          @Override
          public void onCompleted() {}
        });
    for (int i = 0; i < 1000; i++) {
      requests.onNext("y".repeat(50));
    }
    requests.onCompleted();
    assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo("1000 messages, 50000 chars");
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2c", "tls"})
  void aNonOkStatusAndItsMessageReachTheClient(String which) {
    assertThatThrownBy(() -> ClientCalls.blockingUnaryCall(channel(which), GrpcEcho.FAIL, deadline(), "bad input"))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
          assertThat(e.getStatus().getDescription()).isEqualTo("nope: bad input");
        });
  }

  @org.junit.jupiter.api.Test
  void http11ClientsGetTrailersOnlyWhenTheyAskWithTeTrailers() throws Exception {
    java.nio.file.Path frame = java.nio.file.Files.createTempFile("grpc", ".bin");
    try {
      java.nio.file.Files.write(frame, new byte[] {0, 0, 0, 0, 2, 'h', 'i'}); // one uncompressed message
      String url = "http://127.0.0.1:" + web.port() + "/test.Echo/Unary";
      Cli.Result asked = Cli.run("curl", "-sS", "--max-time", "30", "--http1.1", "-D", "/dev/stderr",
          "-o", "/dev/null", "-H", "Content-Type: application/grpc", "-H", "TE: trailers",
          "--data-binary", "@" + frame, url);
      assertThat(asked.exit()).as(asked.err()).isZero();
      assertThat(asked.err()).startsWith("HTTP/1.1 200").containsIgnoringCase("transfer-encoding: chunked")
          .containsIgnoringCase("grpc-status: 0");
      Cli.Result plain = Cli.run("curl", "-sS", "--max-time", "30", "--http1.1", "-D", "/dev/stderr",
          "-o", "/dev/null", "-H", "Content-Type: application/grpc", "--data-binary", "@" + frame, url);
      assertThat(plain.exit()).as(plain.err()).isZero();
      assertThat(plain.err()).startsWith("HTTP/1.1 200").doesNotContainIgnoringCase("grpc-status");
    } finally {
      java.nio.file.Files.deleteIfExists(frame);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2c"})
  void aDeadlineEndsTheCallAtTheClient(String which) {
    assertThatThrownBy(() -> ClientCalls.blockingUnaryCall(channel(which), GrpcEcho.UNARY.toBuilder()
            .setFullMethodName("test.Echo/Hang").build(),
            CallOptions.DEFAULT.withDeadlineAfter(300, TimeUnit.MILLISECONDS), "wait"))
        .isInstanceOfSatisfying(StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED));
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2c"})
  void aClientCancelReachesTheBackendAsRstStream(String which) throws Exception {
    ClientCall<String, String> call = channel(which).newCall(GrpcEcho.HANG, CallOptions.DEFAULT); // no deadline
    List<Status> closed = new ArrayList<>();
    ClientCalls.asyncUnaryCall(call, "wait", new StreamObserver<>() {
      @Override
      public void onNext(String value) {}

      @Override
      public void onError(Throwable t) {
        synchronized (closed) {
          closed.add(Status.fromThrowable(t));
        }
      }

      @Override
      public void onCompleted() {}
    });
    assertThat(backend.hangStarted.await(30, TimeUnit.SECONDS)).as("the call reached the backend").isTrue();
    call.cancel("client gave up", null);
    assertThat(backend.cancelled.await(30, TimeUnit.SECONDS)).as("the backend saw the cancel").isTrue();
  }
}
