package io.cairn.gateway.middleware;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ClusterBucketStoreTest {
  private static final RateLimitSpec LIMIT = new RateLimitSpec(10, 4, 0, 2 * RateLimitSpec.SECOND);

  @Test
  void eachNodeGetsItsShareOfRateAndBurst() {
    AtomicInteger nodes = new AtomicInteger(2);
    var store = new ClusterBucketStore(nodes::get);
    assertThat(store.share(LIMIT).ratePerSecond()).isEqualTo(5.0);
    assertThat(store.share(LIMIT).burst()).isEqualTo(2);
    assertThat(store.reserve("a", LIMIT, 0)).isZero();
    assertThat(store.reserve("a", LIMIT, 0)).isZero();
    assertThat(store.reserve("a", LIMIT, 0)).as("burst of 2 spent, no delay allowed").isPositive();
    assertThat(store.reserve("a", LIMIT, RateLimitSpec.SECOND / 5)).as("one token back after 1/5 s at 5/s").isZero();
  }

  @Test
  void aLoneNodeKeepsTheLimitAndTheBurstNeverDropsBelowOne() {
    AtomicInteger nodes = new AtomicInteger(0);
    var store = new ClusterBucketStore(nodes::get);
    assertThat(store.share(LIMIT)).isSameAs(LIMIT);
    nodes.set(1);
    assertThat(store.share(LIMIT)).isSameAs(LIMIT);
    nodes.set(9);
    assertThat(store.share(LIMIT).burst()).isEqualTo(1);
    assertThat(store.share(LIMIT).ratePerSecond()).isEqualTo(10.0 / 9);
    nodes.set(3);
    assertThat(store.share(LIMIT).burst()).as("4/3 rounded up").isEqualTo(2);
  }
}
