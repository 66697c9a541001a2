package io.cairn.gateway.http3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.gateway.proxy.ProxyOptions;
import io.cairn.gateway.proxy.ReverseProxy;
import io.cairn.gateway.server.EntryPointOptions;
import io.cairn.gateway.tls.CertifiedKey;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Start, certificates from a CertificateSource, GOAWAY on stop, argument checks. */
class Http3LifecycleTest {

  @Test
  void certificateSourceServesTheHandshakeAndStopSendsGoAwayThenCloses() throws Exception {
    SelfSignedCertificate cert = new SelfSignedCertificate("localhost");
    try (EchoBackend backend = new EchoBackend()) {
      CertifiedKey key = new CertifiedKey(cert.key(), List.of(cert.cert()));
      List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
      Http3EntryPoint h3 = Http3EntryPoint.start("websecure", new InetSocketAddress("127.0.0.1", 0),
          EntryPointOptions.defaults().withGraceTimeout(Duration.ofSeconds(5)),
          QuicTls.fromSource(name -> {
            asked.add(name);
            return name.equals("localhost") || name.isEmpty() ? Optional.of(key) : Optional.empty();
          }),
          Http3EndToEndTest.router(backend.port()), new ReverseProxy(ProxyOptions.defaults()));
      try (H3Client c = new H3Client(new InetSocketAddress("127.0.0.1", h3.port()))) {
        assertThat(c.get("/hello").text()).isEqualTo("hello from /hello");
        assertThat(asked).isNotEmpty();
        assertThat(h3.openConnections()).isEqualTo(1);
        h3.stop();
        // GOAWAY, then the idle connection is closed by the server (H3_NO_ERROR)
        assertThat(c.quic.closeFuture().await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(c.goAwayReceived()).isTrue();
        assertThat(h3.openConnections()).isZero();
      } finally {
        h3.stop();
      }
    } finally {
      cert.delete();
    }
  }

  @Test
  void altSvcIsTraefiksFormat() {
    assertThat(AltSvc.value(443)).isEqualTo("h3=\":443\"; ma=2592000");
    assertThatThrownBy(() -> AltSvc.value(0)).hasMessageContaining("expected 1..65535");
  }
}
