package io.cairn.gateway.provider.kv;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.gateway.config.StaticConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gateway nodes register in cairn kv under a lease and count each other. */
class GatewayNodesTest {
  @TempDir Path dir;

  @Test
  void nodesCountEachOtherAndALeavingNodeIsNoLongerCounted() throws Exception {
    try (KvHarness kv = new KvHarness(dir).startKv()) {
      var etcd = new StaticConfig.EtcdProvider(List.of(kv.endpoint()), "traefik");
      try (GatewayNodes a = GatewayNodes.start(etcd)) {
        GatewayNodes b = GatewayNodes.start(etcd);
        awaitCount(a::count, 2);
        awaitCount(b::count, 2);
        assertThat(kv.etcdctl("get", "--prefix", "--keys-only", GatewayNodes.PREFIX).out())
            .contains(GatewayNodes.PREFIX);
        b.close();
        awaitCount(a::count, 1);
      }
      assertThat(kv.etcdctl("get", "--prefix", "--keys-only", GatewayNodes.PREFIX).out().strip()).isEmpty();
    }
  }

  @Test
  void withoutKvTheCountStaysOne() throws Exception {
    var etcd = new StaticConfig.EtcdProvider(List.of("127.0.0.1:" + KvHarness.freePort()), "traefik");
    try (GatewayNodes n = GatewayNodes.start(etcd)) {
      Thread.sleep(GatewayNodes.POLL.toMillis() + 500);
      assertThat(n.count()).isEqualTo(1);
    }
  }

  private static void awaitCount(IntSupplier count, int expected) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (count.getAsInt() != expected && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(count.getAsInt()).isEqualTo(expected);
  }
}
