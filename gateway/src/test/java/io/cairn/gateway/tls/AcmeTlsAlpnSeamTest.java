package io.cairn.gateway.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.gateway.proxy.ProxyOptions;
import io.cairn.gateway.proxy.ReverseProxy;
import io.cairn.gateway.server.EntryPoint;
import io.cairn.gateway.server.EntryPointOptions;
import io.cairn.gateway.server.Target;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A ClientHello offering only acme-tls/1 gets the challenge source's certificate; others never do. */
class AcmeTlsAlpnSeamTest {
  @TempDir Path dir;

  @Test
  void onlyAcmeTlsHandshakesSeeTheChallengeCertificate() throws Exception {
    CertifiedKey challenge = TestCerts.leaf(new InternalCa(dir.resolve("acme")).root(), "challenge",
        List.of("ch.test"), null);
    GatewayTls tls = new GatewayTls(new InternalCa(dir.resolve("pki")));
    tls.challenges(name -> name.equals("ch.test") ? Optional.of(challenge) : Optional.empty());
    EntryPoint ep = EntryPoint.start("websecure", new InetSocketAddress("127.0.0.1", 0),
        EntryPointOptions.defaults().withIoThreads(1), head -> Target.Respond.text(200, "ok\n"),
        new ReverseProxy(ProxyOptions.defaults()), tls);
    try {
      Cli.Result acme = Cli.sClient(ep.port(), "-servername", "ch.test", "-alpn", "acme-tls/1");
      assertThat(acme.out()).contains("subject=CN = challenge").contains("ALPN protocol: acme-tls/1");

      Cli.Result normal = Cli.sClient(ep.port(), "-servername", "ch.test", "-alpn", "h2,http/1.1");
      assertThat(normal.out()).contains("subject=CN = ch.test").contains("ALPN protocol: h2");

      Cli.Result noChallenge = Cli.sClient(ep.port(), "-servername", "other.test", "-alpn", "acme-tls/1");
      assertThat(noChallenge.out()).doesNotContain("subject=");

      Cli.Result notOffered = Cli.sClient(ep.port(), "-servername", "x.test", "-alpn", "acme-tls/1,http/1.1");
      assertThat(notOffered.out()).contains("subject=CN = x.test").contains("ALPN protocol: http/1.1");
    } finally {
      ep.stop();
      tls.close();
    }
  }
}
