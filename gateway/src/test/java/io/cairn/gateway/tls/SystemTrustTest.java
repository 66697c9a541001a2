package io.cairn.gateway.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemTrustTest {
  @TempDir Path dir;

  @Test
  void copiesTheRootIntoTheTrustDirectory() throws Exception {
    InternalCa ca = new InternalCa(dir.resolve("pki"));
    ca.root();
    Path store = Files.createDirectory(dir.resolve("store"));
    Path installed = SystemTrust.install(ca.rootCertificatePath(), store, null);
    assertThat(installed).isEqualTo(store.resolve("cairn-local-root.crt"));
    assertThat(Files.readString(installed)).isEqualTo(ca.rootPem());
  }

  @Test
  void aMissingTrustDirectoryIsAClearError() {
    InternalCa ca = new InternalCa(dir.resolve("pki"));
    ca.root();
    assertThatThrownBy(() -> SystemTrust.install(ca.rootCertificatePath(), dir.resolve("nope"), null))
        .hasMessageContaining("does not exist: this system does not use update-ca-certificates");
  }
}
