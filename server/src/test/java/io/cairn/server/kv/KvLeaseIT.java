package io.cairn.server.kv;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real etcdctl against each target: leases ({@link LeaseScenarios}), plus what depends on time:
 * expiry after the TTL and streaming keep-alive.
 */
class KvLeaseIT {
  private static final TargetPool POOL = new TargetPool();
  private static final Pattern GRANTED = Pattern.compile("^lease ([0-9a-f]{16}) granted with TTL\\((\\d+)s\\)$");

  @AfterAll
  static void stopServers() {
    POOL.close();
  }

  static Stream<Arguments> scenarios() {
    return ScenarioCases.perTarget(LeaseScenarios.ALL);
  }

  @ParameterizedTest(name = "[{0}] {1}")
  @MethodSource("scenarios")
  void meetsEtcdsExpectations(TargetKind target, Scenario scenario) {
    ScenarioCases.check(POOL, target, scenario);
  }

  @ParameterizedTest(name = "[{0}] a lease expires after its TTL, taking its keys")
  @MethodSource(ScenarioCases.TARGETS)
  void expiresAfterItsTtl(TargetKind target) {
    Etcdctl etcdctl = POOL.shared(target, ServerOptions.DEFAULTS).etcdctl();
    long grantedAt = System.nanoTime();
    String id = grant(etcdctl, 3);
    assertThat(etcdctl.run("put", "expiry/key", "val", "--lease=" + id).stdout()).containsExactly("OK");
    assertThat(etcdctl.run("get", "expiry/key").stdout()).containsExactly("expiry/key", "val");

    EtcdctlResult expired =
        Poll.until(
            "lease " + id + " expiring",
            Duration.ofSeconds(15),
            () -> etcdctl.run("lease", "timetolive", id),
            r -> r.stdout().contains("lease " + id + " already expired"));
    Duration lived = Duration.ofNanos(System.nanoTime() - grantedAt);

    assertThat(expired.ok()).as("%s", expired).isTrue();
    assertThat(lived).as("time from grant to expiry of a 3 s lease").isGreaterThanOrEqualTo(Duration.ofMillis(2500));
    EtcdctlResult get = etcdctl.run("get", "expiry/key");
    assertThat(get.ok()).as("%s", get).isTrue();
    assertThat(get.stdout()).as("the expired lease's key").isEmpty();
  }

  @ParameterizedTest(name = "[{0}] lease keep-alive streams renewals and keeps the lease past its TTL")
  @MethodSource(ScenarioCases.TARGETS)
  void keepAliveStreamsRenewals(TargetKind target) {
    Etcdctl etcdctl = POOL.shared(target, ServerOptions.DEFAULTS).etcdctl();
    String id = grant(etcdctl, 3);
    assertThat(etcdctl.run("put", "keepalive/key", "val", "--lease=" + id).stdout()).containsExactly("OK");
    String renewal = "lease " + id + " keepalived with TTL(3)";
    try (EtcdctlStream keepAlive = etcdctl.stream(Invocation.of("lease", "keep-alive", id))) {
      // etcdctl renews every TTL/3 = 1 s: five renewals take longer than the 3 s TTL
      boolean renewed = keepAlive.awaitStdout(lines -> count(lines, renewal) >= 5, Duration.ofSeconds(20));
      assertThat(renewed).as("five renewals printed; %s", keepAlive).isTrue();
      assertThat(keepAlive.stdout()).as("every line a renewal").allMatch(renewal::equals);
    }
    EtcdctlResult alive = etcdctl.run("lease", "timetolive", id, "--keys");
    assertThat(String.join("\n", alive.stdout()))
        .as("%s", alive)
        .startsWith("lease " + id + " granted with TTL(3s), remaining(")
        .endsWith("attached keys([keepalive/key])");
    assertThat(etcdctl.run("lease", "revoke", id).stdout()).containsExactly("lease " + id + " revoked");
    assertThat(etcdctl.run("get", "keepalive/key").stdout()).isEmpty();
  }

  private static long count(List<String> lines, String line) {
    return lines.stream().filter(line::equals).count();
  }

  private static String grant(Etcdctl etcdctl, int ttlSeconds) {
    EtcdctlResult grant = etcdctl.run("lease", "grant", Integer.toString(ttlSeconds));
    assertThat(grant.stdout()).as("%s", grant).hasSize(1);
    Matcher m = GRANTED.matcher(grant.stdout().getFirst());
    assertThat(m.matches()).as("lease grant output %s", grant.stdout()).isTrue();
    assertThat(m.group(2)).isEqualTo(Integer.toString(ttlSeconds));
    return m.group(1);
  }
}
