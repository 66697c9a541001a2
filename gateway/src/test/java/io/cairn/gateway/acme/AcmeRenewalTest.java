package io.cairn.gateway.acme;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.gateway.tls.CertifiedKey;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AcmeRenewalTest {

  @Test
  void renewsAShortLivedCertificateAndServesTheOldOneUntilTheNewOneIsStored(@TempDir Path dir)
      throws Exception {
    try (var f = new AcmeFixture()) {
      f.map("r.example.test");
      f.acme.certificateValidity(Duration.ofSeconds(40));
      var config = f.config(dir.resolve("acme.json"), true, false);
      var resolver = f.resolver("le", config,
          f.options().withRenewal(new RenewalPolicy(Duration.ofDays(30), 0.2)));

      CertifiedKey first = resolver.ensure(List.of("r.example.test")).get(60, TimeUnit.SECONDS);
      Instant deadline = Instant.now().plusSeconds(90);
      CertifiedKey served = first;
      while (served.leaf().getSerialNumber().equals(first.leaf().getSerialNumber())
          && Instant.now().isBefore(deadline)) {
        Thread.sleep(50);
        var now = resolver.certificateFor("r.example.test");
        assertThat(now).as("a certificate is served throughout the renewal").isPresent();
        served = now.get();
      }

      assertThat(served.leaf().getSerialNumber()).isNotEqualTo(first.leaf().getSerialNumber());
      assertThat(served.notAfter()).isAfter(first.notAfter());
      assertThat(f.acme.ordersCreated()).isGreaterThanOrEqualTo(2);
      assertThat(f.acme.newAccountRequests()).isEqualTo(1);
      var stored = new JsonFileStorage(dir.resolve("acme.json"), "le").certificates();
      assertThat(stored).hasSize(1);
      assertThat(stored.getFirst().certifiedKey().leaf().getNotAfter())
          .isAfterOrEqualTo(served.leaf().getNotAfter());
    }
  }
}
