package io.cairn.gateway.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.gateway.config.StaticConfig;
import io.cairn.gateway.runtime.GatewayServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reload of the watched dynamic file swaps the served certificate for a name. */
class TlsReloadTest {
  @TempDir Path dir;

  private static String dynamic(Path[] cert) {
    return """
        tls:
          certificates:
            - certFile: %s
              keyFile: %s
        """.formatted(cert[0], cert[1]);
  }

  @Test
  void aReloadedCertificateIsServedToNewHandshakes() throws Exception {
    InternalCa ca = new InternalCa(dir.resolve("ca"));
    Path[] first = TestCerts.write(dir, "first", TestCerts.leaf(ca.root(), "first", List.of("r.test"), null));
    Path[] second = TestCerts.write(dir, "second", TestCerts.leaf(ca.root(), "second", List.of("r.test"), null));
    Path conf = Files.createDirectory(dir.resolve("conf"));
    Files.writeString(conf.resolve("tls.yml"), dynamic(first));
    GatewayServer gateway = new GatewayServer(StaticConfig.fromArgs(List.of(
        "--entryPoints.websecure.address=127.0.0.1:0",
        "--providers.file.directory=" + conf, "--providers.file.watch")), dir.resolve("pki"));
    gateway.start();
    try {
      int port = URI.create(gateway.endpoints().getFirst().url()).getPort();
      assertThat(Cli.sClient(port, "-servername", "r.test").out()).contains("subject=CN = first");

      Files.writeString(conf.resolve("tls.yml.tmp"), dynamic(second));
      Files.move(conf.resolve("tls.yml.tmp"), conf.resolve("tls.yml"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      String subject;
      do {
        Thread.sleep(200);
        subject = Cli.sClient(port, "-servername", "r.test").out();
      } while (!subject.contains("subject=CN = second") && System.nanoTime() < deadline);
      assertThat(subject).contains("subject=CN = second");
      assertThat(gateway.tls().orElseThrow().certificates()).extracting(CertInfo::cn).containsExactly("second");
    } finally {
      gateway.stop();
    }
  }
}
