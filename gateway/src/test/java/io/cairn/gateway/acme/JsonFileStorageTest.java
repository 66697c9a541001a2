package io.cairn.gateway.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.gateway.acme.testca.TestCa;
import io.cairn.gateway.tls.CertifiedKey;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shredzone.acme4j.util.KeyPairUtils;

class JsonFileStorageTest {
  private static TestCa ca;

  @BeforeAll
  static void setUp() {
    BouncyCastle.register();
    ca = new TestCa();
  }

  private static CertifiedKey certificate(String... names) {
    var kp = KeyPairUtils.createECKeyPair("secp256r1");
    var now = Instant.now();
    var leaf = ca.issue(kp.getPublic(), List.of(names), List.of(), now, now.plus(Duration.ofDays(1)));
    return new CertifiedKey(kp.getPrivate(), List.of(leaf, ca.certificate()));
  }

  @Test
  void accountAndCertificatesRoundTrip(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("sub/acme.json");
    var storage = new JsonFileStorage(file, "le");
    assertThat(storage.account()).isEmpty();
    assertThat(storage.certificates()).isEmpty();

    var key = KeyPairUtils.createECKeyPair("secp256r1");
    var location = URI.create("https://ca.example/acct/7").toURL();
    storage.saveAccount(new AcmeStorage.Account("me@example.test", key, Optional.of(location)));
    var ck = certificate("a.example.test", "b.example.test");
    storage.saveCertificate(new AcmeStorage.Certificate(List.of("a.example.test", "b.example.test"), ck));

    var reread = new JsonFileStorage(file, "le");
    var account = reread.account().orElseThrow();
    assertThat(account.email()).isEqualTo("me@example.test");
    assertThat(account.location()).contains(location);
    assertThat(account.keyPair().getPrivate().getEncoded()).isEqualTo(key.getPrivate().getEncoded());
    assertThat(account.keyPair().getPublic().getEncoded()).isEqualTo(key.getPublic().getEncoded());
    var certs = reread.certificates();
    assertThat(certs).hasSize(1);
    assertThat(certs.getFirst().domains()).containsExactly("a.example.test", "b.example.test");
    assertThat(certs.getFirst().certifiedKey().chain()).isEqualTo(ck.chain());
    assertThat(certs.getFirst().certifiedKey().key().getEncoded()).isEqualTo(ck.key().getEncoded());
    assertThat(certs.getFirst().certifiedKey().key().getClass().getName())
        .as("a JDK key, which the JDK's TLS stack can use").doesNotContain("bouncycastle");

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    try (var files = Files.list(file.getParent())) {
      assertThat(files).as("no temporary file is left behind").containsExactly(file);
    }
    String text = Files.readString(file);
    assertThat(text).contains("\"le\"", "\"Account\"", "\"Certificates\"", "\"main\"", "\"sans\"",
        "\"Store\" : \"default\"");
  }

  @Test
  void savingTheSameDomainSetReplacesAndOtherSetsAreKept(@TempDir Path dir) throws Exception {
    var storage = new JsonFileStorage(dir.resolve("acme.json"), "le");
    storage.saveCertificate(new AcmeStorage.Certificate(List.of("x.test"), certificate("x.test")));
    storage.saveCertificate(new AcmeStorage.Certificate(List.of("y.test", "z.test"),
        certificate("y.test", "z.test")));
    var newer = certificate("y.test", "z.test");
    storage.saveCertificate(new AcmeStorage.Certificate(List.of("z.test", "y.test"), newer));

    var certs = storage.certificates();
    assertThat(certs).extracting(AcmeStorage.Certificate::domains)
        .containsExactlyInAnyOrder(List.of("x.test"), List.of("z.test", "y.test"));
    assertThat(certs).filteredOn(c -> c.domains().contains("y.test")).singleElement()
        .extracting(c -> c.certifiedKey().leaf()).isEqualTo(newer.leaf());
  }

  @Test
  void resolversSharingAFileKeepTheirOwnSections(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("acme.json");
    var a = new JsonFileStorage(file, "a");
    var b = new JsonFileStorage(file, "b");
    a.saveCertificate(new AcmeStorage.Certificate(List.of("a.test"), certificate("a.test")));
    b.saveAccount(new AcmeStorage.Account("", KeyPairUtils.createECKeyPair("secp256r1"), Optional.empty()));
    assertThat(a.certificates()).hasSize(1);
    assertThat(a.account()).isEmpty();
    assertThat(b.certificates()).isEmpty();
    assertThat(b.account()).isPresent();
  }

  @Test
  void refusesAFileOthersCanRead(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("acme.json");
    Files.writeString(file, "{}");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    assertThatThrownBy(() -> new JsonFileStorage(file, "le").account())
        .isInstanceOf(IOException.class)
        .hasMessage("permissions 644 for " + file.toAbsolutePath() + " are too open, please use 600");
  }

  @Test
  void rejectsAFileThatIsNotAnObject(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("acme.json");
    Files.writeString(file, "[1]");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    assertThatThrownBy(() -> new JsonFileStorage(file, "le").certificates())
        .isInstanceOf(IOException.class)
        .hasMessageContaining("is not an ACME storage file; expected a JSON object");
  }
}
