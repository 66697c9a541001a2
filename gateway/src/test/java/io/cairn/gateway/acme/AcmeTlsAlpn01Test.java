package io.cairn.gateway.acme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AcmeTlsAlpn01Test {

  @Test
  void obtainsACertificateThroughTlsAlpn01(@TempDir Path dir) throws Exception {
    try (var f = new AcmeFixture()) {
      f.map("t.example.test");
      var resolver = f.resolver(f.config(dir.resolve("acme.json"), false, true));

      var ck = resolver.ensure(List.of("t.example.test")).get(60, TimeUnit.SECONDS);

      // the test CA connected with SNI t.example.test and ALPN acme-tls/1 and checked the
      // critical acmeIdentifier extension against SHA-256 of the key authorization
      assertThat(f.acme.validationsPassed()).isEqualTo(1);
      assertThat(f.acme.validationsFailed()).isZero();
      ck.leaf().verify(f.ca.certificate().getPublicKey());
      assertThat(ck.leaf().getSubjectX500Principal().getName()).isEqualTo("CN=t.example.test");
      assertThat(resolver.certificateFor("t.example.test")).contains(ck);
      assertThat(f.tls.isEmpty()).as("the validation certificate is withdrawn once done").isTrue();
      assertThat(f.tls.challengeCertificate("t.example.test")).isEmpty();
    }
  }

  @Test
  void withBothChallengesHttp01IsPreferred(@TempDir Path dir) throws Exception {
    try (var f = new AcmeFixture()) {
      f.map("both.example.test");
      f.acme.mapTls("both.example.test", 1); // a TLS-ALPN-01 attempt would fail
      var resolver = f.resolver(f.config(dir.resolve("acme.json"), true, true));
      resolver.ensure(List.of("both.example.test")).get(60, TimeUnit.SECONDS);
      assertThat(f.acme.validationsPassed()).isEqualTo(1);
      assertThat(f.acme.validationsFailed()).isZero();
    }
  }
}
