package io.cairn.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cairn gateway trust}: prints the internal CA root's path and PEM, the same on every run. */
class GatewayTrustCommandTest {
  @TempDir Path tmp;

  @Test
  void printsTheRootPathAndPemCreatingItOnce() throws Exception {
    Path pki = tmp.resolve("pki");
    MainTest.Result first = MainTest.run("gateway", "trust", "--pki-dir", pki.toString());
    assertThat(first.code()).as(first.err()).isZero();
    Path root = pki.toAbsolutePath().resolve("root.crt");
    assertThat(first.out()).startsWith(root + "\n").contains("-----BEGIN CERTIFICATE-----");
    assertThat(first.out().substring(first.out().indexOf('\n') + 1)).isEqualTo(Files.readString(root));
    MainTest.Result second = MainTest.run("gateway", "trust", "--pki-dir", pki.toString());
    assertThat(second.out()).isEqualTo(first.out());
  }
}
