package io.cairn.gateway.acme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AcmeHttp01Test {

  @Test
  void obtainsStoresAndServesACertificateThroughHttp01(@TempDir Path dir) throws Exception {
    try (var f = new AcmeFixture()) {
      f.map("a.example.test", "www.a.example.test");
      Path storage = dir.resolve("acme.json");
      var resolver = f.resolver(f.config(storage, true, false));
      assertThat(resolver.certificateFor("a.example.test")).isEmpty();

      var ck = resolver.ensure(List.of("A.example.test.", "www.a.example.test"))
          .get(60, TimeUnit.SECONDS);

      assertThat(f.acme.validationsPassed()).isEqualTo(2);
      assertThat(f.acme.validationsFailed()).isZero();
      assertThat(ck.chain()).hasSize(2);
      ck.leaf().verify(f.ca.certificate().getPublicKey());
      assertThat(ck.leaf().getSubjectAlternativeNames().stream().map(san -> (Object) san.get(1)))
          .containsExactlyInAnyOrder("a.example.test", "www.a.example.test");
      assertThat(ck.leaf().getPublicKey().getAlgorithm()).isEqualTo("EC");
      assertThat(resolver.certificateFor("a.example.test")).contains(ck);
      assertThat(resolver.certificateFor("www.a.example.test")).contains(ck);
      assertThat(resolver.certificateFor("b.example.test")).isEmpty();
      assertThat(f.http.isEmpty()).as("the challenge is withdrawn once done").isTrue();

      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(storage)))
          .isEqualTo("rw-------");
      var stored = new JsonFileStorage(storage, "le").certificates();
      assertThat(stored).hasSize(1);
      assertThat(stored.getFirst().domains()).containsExactly("a.example.test", "www.a.example.test");
      assertThat(stored.getFirst().certifiedKey().leaf()).isEqualTo(ck.leaf());
    }
  }

  @Test
  void ensureIsIdempotentForTheSameDomainSet(@TempDir Path dir) throws Exception {
    try (var f = new AcmeFixture()) {
      f.map("c.example.test", "d.example.test");
      var resolver = f.resolver(f.config(dir.resolve("acme.json"), true, false));
      var first = resolver.ensure(List.of("c.example.test", "d.example.test"));
      var second = resolver.ensure(List.of("d.example.test", "c.example.test"));
      assertThat(first.get(60, TimeUnit.SECONDS)).isSameAs(second.get(60, TimeUnit.SECONDS));
      resolver.ensure(List.of("c.example.test", "d.example.test")).get(60, TimeUnit.SECONDS);
      assertThat(f.acme.ordersCreated()).isEqualTo(1);
      assertThat(f.acme.newAccountRequests()).isEqualTo(1);
    }
  }
}
