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
}
