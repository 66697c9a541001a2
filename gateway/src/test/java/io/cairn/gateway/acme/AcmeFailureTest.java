package io.cairn.gateway.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AcmeFailureTest {

  @Test
  void erroringAndMalformedCaAnswersAreRetriedWithBackoff(@TempDir Path dir) throws Exception {
    try (var f = new AcmeFixture()) {
      f.map("flaky.example.test");
      f.acme.failNextOrders(4); // 500 problem, malformed 201, 500 problem, malformed 201
      var resolver = f.resolver(f.config(dir.resolve("acme.json"), true, false));

      var future = resolver.ensure(List.of("flaky.example.test"));
      var ck = future.get(60, TimeUnit.SECONDS);

      assertThat(f.acme.faultsServed()).isEqualTo(4);
      assertThat(f.acme.ordersCreated()).isEqualTo(1);
      assertThat(resolver.certificateFor("flaky.example.test")).contains(ck);
    }
  }

  @Test
  void aFailedValidationIsRetriedWithANewOrder(@TempDir Path dir) throws Exception {
    try (var f = new AcmeFixture()) {
      int closedPort;
      try (var s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        closedPort = s.getLocalPort();
      }
      f.acme.mapHttp("late.example.test", closedPort);
      var resolver = f.resolver(f.config(dir.resolve("acme.json"), true, false));
      var future = resolver.ensure(List.of("late.example.test"));

      Instant deadline = Instant.now().plusSeconds(60);
      while (f.acme.validationsFailed() < 2 && Instant.now().isBefore(deadline)) {
        Thread.sleep(20);
      }
      assertThat(f.acme.validationsFailed()).isGreaterThanOrEqualTo(2);
      assertThat(future).isNotDone();
      assertThat(resolver.certificateFor("late.example.test")).isEmpty();

      f.map("late.example.test");
      future.get(60, TimeUnit.SECONDS);
      assertThat(f.acme.ordersCreated()).isGreaterThanOrEqualTo(3);
      assertThat(resolver.certificateFor("late.example.test")).isPresent();
    }
  }

  @Test
  void anUnreachableCaNeverThrowsIntoCallersAndCloseCancels(@TempDir Path dir) throws Exception {
    try (var f = new AcmeFixture()) {
      int closedPort;
      try (var s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        closedPort = s.getLocalPort();
      }
      var good = f.config(dir.resolve("acme.json"), true, false);
      var config = new io.cairn.gateway.config.StaticConfig.Acme(good.email(), good.storage(),
          "https://127.0.0.1:" + closedPort + "/dir", good.keyType(), good.httpChallenge(), false, 2160);
      var resolver = f.resolver(config);
      var future = resolver.ensure(List.of("down.example.test"));
      assertThat(resolver.certificateFor("down.example.test")).isEmpty();
      resolver.close();
      assertThatThrownBy(() -> future.get(10, TimeUnit.SECONDS))
          .isInstanceOf(CancellationException.class);
    }
  }

  @Test
  void badArgumentsAreRejectedWithClearMessages(@TempDir Path dir) throws Exception {
    try (var f = new AcmeFixture()) {
      var resolver = f.resolver(f.config(dir.resolve("acme.json"), true, false));
      assertThatThrownBy(() -> resolver.ensure(List.of()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("no domains given; expected at least one DNS name");
      assertThatThrownBy(() -> resolver.ensure(List.of("bad_name!.test")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("domain 'bad_name!.test' is not a valid DNS name");
      var noChallenge = f.config(dir.resolve("acme.json"), false, false);
      assertThatThrownBy(() -> f.resolver(noChallenge))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("has no challenge; expected httpChallenge or tlsChallenge");
    }
  }
}
