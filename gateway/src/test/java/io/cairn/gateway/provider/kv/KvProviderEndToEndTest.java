package io.cairn.gateway.provider.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.cairn.common.lifecycle.Endpoint;
import io.cairn.gateway.config.ConfigProblem;
import io.cairn.gateway.config.DynamicConfig;
import io.cairn.gateway.config.RuleChecker;
import io.cairn.gateway.config.StaticConfig;
import io.cairn.gateway.config.Validator;
import io.cairn.gateway.router.Rules;
import io.cairn.gateway.runtime.GatewayServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * cairn kv in-process, routes written with the real etcdctl, requests made with the real curl:
 * the gateway routes what etcdctl puts, follows changes and deletes, keeps serving when a change
 * is invalid, and resumes its watch after kv restarts. Each test uses its own root key.
 */
class KvProviderEndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir
  static Path dir;

  private static KvHarness kv;

  @BeforeAll
  static void startKv() throws Exception {
    kv = new KvHarness(Files.createDirectories(dir.resolve("kv"))).startKv();
  }

  @AfterAll
  static void stopKv() {
    if (kv != null) {
      kv.close();
    }
  }

  private static GatewayServer gateway(String rootKey) throws Exception {
    StaticConfig config = StaticConfig.fromArgs(List.of("--entryPoints.web.address=127.0.0.1:0",
        "--providers.etcd.endpoints=" + kv.endpoint(), "--providers.etcd.rootKey=" + rootKey,
        "--providers.providersThrottleDuration=100ms"));
    GatewayServer g = new GatewayServer(config);
    g.start();
    return g;
  }

  private static String web(GatewayServer g) {
    return g.endpoints().stream().map(Endpoint::url).findFirst().orElseThrow();
  }

  @Test
  void theGatewayRoutesWhatEtcdctlPutsAndFollowsChangesDeletesAndRefusals() throws Exception {
    int one = kv.upstream("one");
    int two = kv.upstream("two");
    kv.put("t1/http/routers/api/rule", "PathPrefix(`/api`)");
    kv.put("t1/http/routers/api/entryPoints/0", "web");
    kv.put("t1/http/routers/api/service", "api");
    kv.put("t1/http/routers/api/middlewares/0", "strip");
    kv.put("t1/http/middlewares/strip/stripPrefix/prefixes/0", "/api");
    kv.put("t1/http/services/api/loadBalancer/servers/0/url", "http://127.0.0.1:" + one);
    kv.put("t1/http/routers/other/rule", "Path(`/other`)");
    kv.put("t1/http/routers/other/service", "api");
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    Logger serverLog = (Logger) LoggerFactory.getLogger(GatewayServer.class);
    logs.start();
    serverLog.addAppender(logs);
    GatewayServer g = gateway("t1");
    try {
      String base = web(g);
      assertThat(KvHarness.curl(base + "/api/hello")).isEqualTo("one /hello"); // read at start, before serving
      assertThat(KvHarness.curl(base + "/other")).isEqualTo("one /other");
      assertThat(KvHarness.curl(base + "/nothing")).isEqualTo("HTTP 404");

      kv.put("t1/http/services/api/loadBalancer/servers/0/url", "http://127.0.0.1:" + two);
      await().atMost(WAIT).untilAsserted(() -> assertThat(KvHarness.curl(base + "/api/x")).isEqualTo("two /x"));

      KvHarness.Result del = kv.etcdctl("del", "--prefix", "t1/http/routers/other/");
      assertThat(del.out()).as(del.err()).isEqualTo("2\n");
      await().atMost(WAIT).untilAsserted(() -> assertThat(KvHarness.curl(base + "/other")).isEqualTo("HTTP 404"));

      kv.put("t1/http/routers/api/rule", "PathPrefix(`/api`"); // unbalanced: refused as a whole
      kv.put("t1/http/services/api/loadBalancer/servers/0/url", "http://127.0.0.1:" + one);
      await().atMost(WAIT).until(() -> logs.list.stream().anyMatch(e -> e.getFormattedMessage().contains(
          "configuration refused") && e.getFormattedMessage().contains("etcd:t1: t1/http/routers/api/rule: ")));
      assertThat(KvHarness.curl(base + "/api/still")).isEqualTo("two /still");

      kv.put("t1/http/routers/api/rule", "PathPrefix(`/v2`)");
      await().atMost(WAIT).untilAsserted(() -> assertThat(KvHarness.curl(base + "/v2/y")).isEqualTo("one /v2/y"));
      assertThat(KvHarness.curl(base + "/api/y")).isEqualTo("HTTP 404");
    } finally {
      serverLog.detachAppender(logs);
      g.stop();
    }
  }

  @Test
  void refusalsNameTheKvKeyAndTheWatchResumesAfterKvRestarts() throws Exception {
    kv.put("t2/http/routers/r/rule", "Path(`/r`)");
    kv.put("t2/http/routers/r/service", "s");
    kv.put("t2/http/services/s/loadBalancer/servers/0/url", "http://127.0.0.1:1");
    kv.put("t2/acme/ignored", "not read"); // outside Traefik's layout
    BlockingQueue<DynamicConfig> changes = new LinkedBlockingQueue<>();
    BlockingQueue<List<ConfigProblem>> refusals = new LinkedBlockingQueue<>();
    KvDecoding decoding = new KvDecoding("t2", new Validator(Rules::check, Optional.empty(), KvProvider.NAME));
    try (KvProvider p = KvProvider.start(new StaticConfig.EtcdProvider(List.of(kv.endpoint()), "t2"), decoding,
        Duration.ofMillis(50), Duration.ofSeconds(10), changes::add, refusals::add)) {
      DynamicConfig initial = p.initial().orElseThrow();
      assertThat(initial.http().routers().get("r").rule()).isEqualTo("Path(`/r`)");

      kv.put("t2/http/routers/r/service", "missing");
      List<ConfigProblem> problems = refusals.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(problems).containsExactly(new ConfigProblem("etcd:t2", "t2/http/routers/r/service",
          "no service named \"missing\" in the etcd provider"));
      assertThat(changes).isEmpty();

      kv.stopKv();
      kv.startKv();
      kv.put("t2/http/routers/r/service", "s");
      kv.put("t2/http/routers/r/priority", "7");
      DynamicConfig after = changes.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(after).isNotNull();
      while (after.http().routers().get("r").priority() != 7) { // the two puts may come as two reloads
        after = changes.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(after).isNotNull();
      }
      assertThat(after.http().routers().get("r").service()).isEqualTo("s");
    }
  }

  @Test
  void movesToTheNextEndpointWhenOneIsDown() throws Exception {
    int port = KvHarness.freePort(); // nothing listens there
    kv.put("t3/http/routers/r/rule", "Path(`/r`)");
    kv.put("t3/http/routers/r/service", "noop@internal");
    BlockingQueue<DynamicConfig> changes = new LinkedBlockingQueue<>();
    KvDecoding decoding = new KvDecoding("t3", new Validator(RuleChecker.acceptAll(), Optional.empty(), KvProvider.NAME));
    try (KvProvider p = KvProvider.start(new StaticConfig.EtcdProvider(List.of("127.0.0.1:" + port, kv.endpoint()), "t3"),
        decoding, Duration.ofMillis(50), Duration.ofMillis(1), changes::add, problems -> { })) {
      // the first endpoint refuses; the provider moves on to the second, whose keys arrive late
      DynamicConfig c = p.initial().orElse(null);
      if (c == null) {
        c = changes.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
      }
      assertThat(c).isNotNull();
      assertThat(c.http().routers().get("r").service()).isEqualTo("noop@internal");
    }
  }

  @Test
  void fileAndEtcdProvidersServeTogetherInTheirOwnNamespaces() throws Exception {
    int one = kv.upstream("file-one");
    Path file = dir.resolve("dynamic.yml");
    Files.writeString(file, """
        http:
          routers:
            local:
              rule: "Path(`/local`)"
              service: shared
          services:
            shared:
              loadBalancer:
                servers: [{url: "http://127.0.0.1:%d"}]
        """.formatted(one));
    kv.put("t4/http/routers/remote/rule", "Path(`/remote`)");
    kv.put("t4/http/routers/remote/service", "shared@file");
    StaticConfig config = StaticConfig.fromArgs(List.of("--entryPoints.web.address=127.0.0.1:0",
        "--providers.file.filename=" + file, "--providers.etcd.endpoints=" + kv.endpoint(),
        "--providers.etcd.rootKey=t4", "--providers.providersThrottleDuration=100ms"));
    GatewayServer g = new GatewayServer(config);
    g.start();
    try {
      String base = web(g);
      assertThat(KvHarness.curl(base + "/local")).isEqualTo("file-one /local");
      assertThat(KvHarness.curl(base + "/remote")).isEqualTo("file-one /remote"); // remote@etcd -> shared@file

      kv.put("t4/http/routers/remote/service", "shared"); // shared@etcd: none, refused
      kv.put("t4/http/services/shared/loadBalancer/servers/0/url", "http://127.0.0.1:" + kv.upstream("etcd-two"));
      await().atMost(WAIT).untilAsserted(() -> assertThat(KvHarness.curl(base + "/remote")).isEqualTo("etcd-two /remote"));
      assertThat(KvHarness.curl(base + "/local")).isEqualTo("file-one /local");
    } finally {
      g.stop();
    }
  }

  @Test
  void readsEverythingAgainWhenTheRevisionToResumeFromWasCompacted() throws Exception {
    kv.put("t5/http/routers/r/rule", "Path(`/r`)");
    kv.put("t5/http/routers/r/service", "noop@internal");
    BlockingQueue<DynamicConfig> changes = new LinkedBlockingQueue<>();
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    Logger providerLog = (Logger) LoggerFactory.getLogger(KvProvider.class);
    logs.start();
    providerLog.addAppender(logs);
    KvDecoding decoding = new KvDecoding("t5", new Validator(RuleChecker.acceptAll(), Optional.empty(), KvProvider.NAME));
    try (PausableProxy proxy = new PausableProxy(kv.clientPort());
        KvProvider p = KvProvider.start(new StaticConfig.EtcdProvider(List.of(proxy.endpoint()), "t5"), decoding,
            Duration.ofMillis(50), Duration.ofSeconds(10), changes::add, problems -> { })) {
      assertThat(p.initial().orElseThrow().http().routers().get("r").priority()).isZero();
      proxy.pause(); // the provider loses kv and retries
      kv.put("t5/http/routers/r/priority", "3");
      kv.put("other/key", "moves the revision on");
      KvHarness.Result status = kv.etcdctl("get", "other/key", "-w", "json");
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"revision\":(\\d+)").matcher(status.out());
      assertThat(m.find()).as(status.out()).isTrue();
      KvHarness.Result compact = kv.etcdctl("compact", m.group(1));
      assertThat(compact.exit()).as(compact.err()).isZero();
      proxy.resume();
      DynamicConfig after = changes.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(after).isNotNull();
      assertThat(after.http().routers().get("r").priority()).isEqualTo(3);
      assertThat(logs.list).anyMatch(e -> e.getFormattedMessage().contains("was compacted"));
    } finally {
      providerLog.detachAppender(logs);
    }
  }
}
