package io.cairn.gateway.tls;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.cairn.gateway.config.TlsConfig;
import io.cairn.gateway.proxy.ProxyOptions;
import io.cairn.gateway.proxy.ReverseProxy;
import io.cairn.gateway.server.EntryPoint;
import io.cairn.gateway.server.EntryPointOptions;
import io.cairn.gateway.server.Target;
import io.netty.handler.ssl.OpenSsl;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file certificate whose AIA names a tiny BouncyCastle OCSP responder (run here, signing with the
 * issuing CA's key) gets its response stapled; {@code openssl s_client -status} shows it.
 */
class OcspStaplingTest {
  @TempDir Path dir;

  @Test
  void theResponderAnswerIsStapled() throws Exception {
    assertThat(OpenSsl.isAvailable()).as("netty-tcnative BoringSSL must load for stapling").isTrue();
    InternalCa ca = new InternalCa(dir.resolve("ca"));
    CertifiedKey root = ca.root();
    AtomicInteger asked = new AtomicInteger();
    HttpServer responder = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    responder.createContext("/ocsp", ex -> {
      try {
        OCSPReq req = new OCSPReq(ex.getRequestBody().readAllBytes());
        BasicOCSPRespBuilder b = new BasicOCSPRespBuilder(new RespID(new JcaX509CertificateHolder(root.leaf()).getSubject()));
        Instant now = Instant.now();
        for (Req r : req.getRequestList()) {
          b.addResponse(r.getCertID(), CertificateStatus.GOOD, Date.from(now.minusSeconds(60)),
              Date.from(now.plus(Duration.ofDays(1))));
        }
        byte[] der = new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL,
            b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(root.key()), null, new Date())).getEncoded();
        asked.incrementAndGet();
        ex.getResponseHeaders().add("Content-Type", "application/ocsp-response");
        ex.sendResponseHeaders(200, der.length);
        ex.getResponseBody().write(der);
      } catch (Exception e) {
        ex.sendResponseHeaders(500, -1);
      }
      ex.close();
    });
    responder.start();
    String url = "http://127.0.0.1:" + responder.getAddress().getPort() + "/ocsp";
    CertifiedKey leaf = TestCerts.leaf(root, "ocsp.test", List.of("ocsp.test"), url);
    CertifiedKey withIssuer = new CertifiedKey(leaf.key(), List.of(leaf.leaf(), root.leaf()));
    Path[] files = TestCerts.write(dir, "ocsp", withIssuer);

    GatewayTls tls = new GatewayTls(new InternalCa(dir.resolve("pki")));
    EntryPoint ep = null;
    try {
      assertThat(tls.update(new TlsConfig(List.of(new TlsConfig.Certificate(files[0].toString(), files[1].toString(),
          List.of())), Map.of(), Map.of()))).isEmpty();
      ep = EntryPoint.start("websecure", new InetSocketAddress("127.0.0.1", 0),
          EntryPointOptions.defaults().withIoThreads(1), head -> Target.Respond.text(200, "ok\n"),
          new ReverseProxy(ProxyOptions.defaults()), tls);
      assertThat(tls.certificates()).extracting(CertInfo::cn).containsExactly("ocsp.test");
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      Cli.Result r;
      do {
        r = Cli.sClient(ep.port(), "-servername", "ocsp.test", "-status");
      } while (!r.out().contains("OCSP Response Status: successful") && System.nanoTime() < deadline
          && sleep());
      assertThat(r.out()).contains("OCSP Response Status: successful (0x0)").contains("Cert Status: good");
      assertThat(asked.get()).isGreaterThanOrEqualTo(1);

      Cli.Result other = Cli.sClient(ep.port(), "-servername", "internal.test", "-status");
      assertThat(other.out()).contains("OCSP response: no response sent");
    } finally {
      if (ep != null) {
        ep.stop();
      }
      tls.close();
      responder.stop(0);
    }
  }

  private static boolean sleep() throws InterruptedException {
    Thread.sleep(200);
    return true;
  }
}
