package io.cairn.server.kv;

import static io.cairn.server.kv.GatewayScenario.b64;
import static io.cairn.server.kv.GatewayScenario.json;
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
 * The real curl against each target's JSON gateway: every scenario of {@link GatewayCatalog} checked
 * against etcd's answers, plus what depends on time: a watch streaming later writes until curl's
 * {@code --max-time}, the remaining TTL of a fresh lease, and the CORS headers etcd adds.
 */
class KvGatewayIT {
  private static final TargetPool POOL = new TargetPool();
  private static final Pattern ID = Pattern.compile("\"ID\":\"(\\d+)\"");
  private static final Pattern REMAINING = Pattern.compile("\"TTL\":\"(-?\\d+)\",\"grantedTTL\":\"(\\d+)\"");

  @AfterAll
  static void stopServers() {
    POOL.close();
  }

  static Stream<Arguments> scenarios() {
    return GatewayCases.perTarget();
  }

  @ParameterizedTest(name = "[{0}] {1}")
  @MethodSource("scenarios")
  void answersAsEtcdDoes(TargetKind target, GatewayScenario scenario) {
    GatewayCases.check(POOL, target, scenario);
  }

  @ParameterizedTest(name = "[{0}] a running watch streams later puts and deletes until curl gives up")
  @MethodSource(ScenarioCases.TARGETS)
  void runningWatchStreamsLaterWrites(TargetKind target) {
    Curl curl = new Curl(POOL.shared(target, ServerOptions.DEFAULTS).clientUrl());
    HttpCall watch = HttpCall.post("/v3/watch", json("{\"create_request\":{\"key\":\"%s\",\"range_end\":\"%s\"}}", "gw-live/", "gw-live0"));
    try (CurlStream stream = curl.stream(watch, Duration.ofSeconds(8))) {
      assertThat(stream.awaitBodyLines(1, Duration.ofSeconds(5))).as("the created line; %s", stream).isTrue();
      assertThat(stream.bodyLines().getFirst()).startsWith("{\"result\":{\"header\":").endsWith("\"created\":true}}");

      put(curl, "gw-live/a", "1");
      put(curl, "gw-live/b", "2");
      CurlResult delete = curl.call(HttpCall.post("/v3/kv/deleterange", json("{\"key\":\"%s\"}", "gw-live/a")));
      assertThat(delete.body()).as("%s", delete).contains("\"deleted\":\"1\"");

      List<String> events = List.of(
          "{\"kv\":{\"key\":\"" + b64("gw-live/a") + "\"", "\"value\":\"" + b64("1") + "\"",
          "{\"kv\":{\"key\":\"" + b64("gw-live/b") + "\"", "\"value\":\"" + b64("2") + "\"",
          "{\"type\":\"DELETE\",\"kv\":{\"key\":\"" + b64("gw-live/a") + "\"");
      boolean all = stream.awaitBody(lines -> containsInOrder(String.join("\n", lines), events), Duration.ofSeconds(5));
      assertThat(all).as("the three events streamed in order; %s", stream).isTrue();

      CurlResult ended = stream.awaitExit();
      assertThat(ended.exitCode()).as("curl gave up at its --max-time: the server kept the watch open; %s", ended)
          .isEqualTo(CurlResult.OPERATION_TIMED_OUT);
      assertThat(ended.status()).isEqualTo(200);
      assertThat(ended.response().body()).as("every line one {\"result\":...} message").allMatch(l -> l.startsWith("{\"result\":{"));
    }
  }

  @ParameterizedTest(name = "[{0}] a fresh lease's remaining TTL is below its granted TTL (etcd truncates)")
  @MethodSource(ScenarioCases.TARGETS)
  void remainingTtlIsTruncated(TargetKind target) {
    Curl curl = new Curl(POOL.shared(target, ServerOptions.DEFAULTS).clientUrl());
    CurlResult grant = curl.call(HttpCall.post("/v3/lease/grant", "{\"TTL\":30}"));
    Matcher id = ID.matcher(grant.body());
    assertThat(id.find()).as("%s", grant).isTrue();
    CurlResult ttl = curl.call(HttpCall.post("/v3/lease/timetolive", "{\"ID\":" + id.group(1) + "}"));
    Matcher remaining = REMAINING.matcher(ttl.body());
    assertThat(remaining.find()).as("%s", ttl).isTrue();
    assertThat(remaining.group(2)).isEqualTo("30");
    assertThat(Long.parseLong(remaining.group(1)))
        .as("seconds left just after the grant, rounded down as etcd's int64(Remaining().Seconds()); %s", ttl)
        .isBetween(25L, 29L);
    assertThat(curl.call(HttpCall.post("/v3/lease/revoke", "{\"ID\":" + id.group(1) + "}")).status()).isEqualTo(200);
  }

  @ParameterizedTest(name = "[{0}] gateway answers carry etcd's CORS headers")
  @MethodSource(ScenarioCases.TARGETS)
  void corsHeaders(TargetKind target) {
    Curl curl = new Curl(POOL.shared(target, ServerOptions.DEFAULTS).clientUrl());
    CurlResult range = curl.call(HttpCall.post("/v3/kv/range", json("{\"key\":\"%s\"}", "gw-cors/k")));
    assertThat(range.response().headers())
        .as("%s", range)
        .containsEntry("access-control-allow-origin", "*")
        .containsEntry("access-control-allow-methods", "POST, GET, OPTIONS, PUT, DELETE")
        .containsEntry("access-control-allow-headers", "accept, content-type, authorization");
    CurlResult preflight = curl.call(new HttpCall("OPTIONS", "/v3/kv/put", ""));
    assertThat(preflight.status()).as("%s", preflight).isEqualTo(200);
    assertThat(preflight.response().headers()).as("%s", preflight).containsEntry("access-control-allow-origin", "*");
  }

  private static void put(Curl curl, String key, String value) {
    CurlResult put = curl.call(HttpCall.post("/v3/kv/put", json("{\"key\":\"%s\",\"value\":\"%s\"}", key, value)));
    assertThat(put.status()).as("%s", put).isEqualTo(200);
  }

  private static boolean containsInOrder(String text, List<String> parts) {
    int from = 0;
    for (String part : parts) {
      int at = text.indexOf(part, from);
      if (at < 0) {
        return false;
      }
      from = at + part.length();
    }
    return true;
  }
}
