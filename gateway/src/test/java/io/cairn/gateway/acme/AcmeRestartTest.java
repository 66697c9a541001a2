package io.cairn.gateway.acme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AcmeRestartTest {

  @Test
  void aRestartedResolverServesStoredCertificatesAndReusesTheAccount(@TempDir Path dir)
      throws Exception {
    try (var f = new AcmeFixture()) {
      f.map("one.example.test", "two.example.test");
      var config = f.config(dir.resolve("acme.json"), true, false);
      var before = f.resolver(config);
      var first = before.ensure(List.of("one.example.test")).get(60, TimeUnit.SECONDS);
      before.close();

      var after = f.resolver(config);
      assertThat(after.certificateFor("one.example.test"))
          .as("served from storage before anything is ensured")
          .hasValueSatisfying(ck -> assertThat(ck.leaf()).isEqualTo(first.leaf()));
      assertThat(after.ensure(List.of("one.example.test")).get(60, TimeUnit.SECONDS).leaf())
          .isEqualTo(first.leaf());
      assertThat(f.acme.ordersCreated()).isEqualTo(1);

      after.ensure(List.of("two.example.test")).get(60, TimeUnit.SECONDS);
      assertThat(f.acme.ordersCreated()).isEqualTo(2);
      assertThat(f.acme.newAccountRequests()).as("the stored account URL is used").isEqualTo(1);
      assertThat(f.acme.accounts()).isEqualTo(1);
    }
  }

  @Test
  void anAccountTheCaForgotIsRegisteredAgain(@TempDir Path dir) throws Exception {
    try (var f = new AcmeFixture()) {
      f.map("first.example.test", "second.example.test");
      var resolver = f.resolver(f.config(dir.resolve("acme.json"), true, false));
      resolver.ensure(List.of("first.example.test")).get(60, TimeUnit.SECONDS);
      var key = new JsonFileStorage(dir.resolve("acme.json"), "le").account().orElseThrow().keyPair();

      f.acme.forgetAccounts();
      resolver.ensure(List.of("second.example.test")).get(60, TimeUnit.SECONDS);

      assertThat(f.acme.newAccountRequests()).isEqualTo(2);
      assertThat(f.acme.accounts()).isEqualTo(1);
      var account = new JsonFileStorage(dir.resolve("acme.json"), "le").account().orElseThrow();
      assertThat(account.keyPair().getPublic()).isEqualTo(key.getPublic());
      assertThat(account.location()).isPresent();
    }
  }
}
