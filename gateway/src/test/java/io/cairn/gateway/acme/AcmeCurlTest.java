package io.cairn.gateway.acme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real client (curl) verifies the chain the resolver obtained, presented via certificateFor. */
class AcmeCurlTest {

  @Test
  void curlTrustsTheObtainedChainForTheDomain(@TempDir Path dir) throws Exception {
    try (var f = new AcmeFixture()) {
      f.map("curl.example.test");
      var resolver = f.resolver(f.config(dir.resolve("acme.json"), false, true));
      resolver.ensure(List.of("curl.example.test")).get(60, TimeUnit.SECONDS);

      var ctx = SSLContext.getInstance("TLS");
      ctx.init(new KeyManager[] {new SniKeyManager(resolver::certificateFor)}, null, null);
      try (var server = (SSLServerSocket) ctx.getServerSocketFactory()
          .createServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
        Thread.ofVirtual().start(() -> serveOne(server));
        Path caFile = dir.resolve("ca.pem");
        try (var w = new JcaPEMWriter(Files.newBufferedWriter(caFile))) {
          w.writeObject(f.ca.certificate());
        }
        int port = server.getLocalPort();
        var curl = new ProcessBuilder("curl", "-sS", "--max-time", "20", "--cacert", caFile.toString(),
            "--resolve", "curl.example.test:" + port + ":127.0.0.1",
            "https://curl.example.test:" + port + "/")
            .redirectErrorStream(true).start();
        String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(curl.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(curl.exitValue()).as(out).isZero();
        assertThat(out).isEqualTo("served by the ACME certificate\n");
      }
    }
  }

  private static void serveOne(SSLServerSocket server) {
    try (var s = (SSLSocket) server.accept()) {
      s.setSoTimeout(20_000);
      var in = s.getInputStream();
      var head = new StringBuilder();
      while (!head.toString().endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) {
          return;
        }
        head.append((char) b);
      }
      byte[] body = "served by the ACME certificate\n".getBytes(StandardCharsets.US_ASCII);
      s.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: "
          + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().write(body);
      s.getOutputStream().flush();
    } catch (IOException e) {
      // the assertion on curl's output reports the failure
    }
  }
}
