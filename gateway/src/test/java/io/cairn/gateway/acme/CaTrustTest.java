package io.cairn.gateway.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.gateway.acme.testca.TestCa;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaTrustTest {
  @TempDir Path dir;

  @Test
  void noFilesMeansTheJdkDefaultTrust() {
    assertThat(CaTrust.of(List.of(), true, Map.of())).isEmpty();
    assertThat(CaTrust.of(List.of(), false, Map.of(CaTrust.ENV, "  "))).isEmpty();
  }

  @Test
  void filesFromTheOptionOrElseFromLegosVariableBuildATrust() throws Exception {
    Path pem = dir.resolve("ca.pem");
    try (var w = new JcaPEMWriter(Files.newBufferedWriter(pem))) {
      w.writeObject(new TestCa().certificate());
    }
    assertThat(CaTrust.of(List.of(pem.toString()), false, Map.of())).isPresent();
    assertThat(CaTrust.of(List.of(), true, Map.of(CaTrust.ENV, pem + ":" + pem))).isPresent();
  }

  @Test
  void aMissingOrEmptyFileIsNamedInTheError() throws Exception {
    assertThatThrownBy(() -> CaTrust.of(List.of(dir.resolve("none.pem").toString()), false, Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("none.pem");
    Path empty = Files.writeString(dir.resolve("empty.pem"), "not a certificate\n");
    assertThatThrownBy(() -> CaTrust.of(List.of(empty.toString()), false, Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty.pem");
  }
}
