package io.cairn.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cairn.monitor.ingest.remotewrite.RemoteWriteCodec;
import io.cairn.monitor.ingest.remotewrite.Sample;
import io.cairn.monitor.ingest.remotewrite.TimeSeries;
import io.cairn.monitor.ingest.remotewrite.WriteRequest;
import io.cairn.tsdb.model.Labels;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cairn monitor} against the real peers: prometheus-node-exporter scraped by cairn, a real
 * Prometheus 2.42 remote-writing into cairn (its own answers compared with cairn's), and kill -9
 * during remote-write ingest losing nothing acknowledged. Every peer must be installed: a missing
 * one fails the test.
 */
class MonitorIT {
  @TempDir Path tmp;
  private final HttpClient http = HttpClient.newHttpClient();
  private Peers procs;

  @BeforeEach
  void startPeers() {
    procs = new Peers(tmp);
  }

  @AfterEach
  void stopAll() throws InterruptedException {
    procs.close();
  }

  static int freePort() throws IOException {
    return Peers.freePort();
  }

  private Process peer(String... cmd) throws IOException {
    return procs.start(cmd);
  }

  private int monitor(Path data, Path configFile, String... more) throws Exception {
    int port = freePort();
    List<String> args = new ArrayList<>(List.of("monitor", "--data-dir", data.toString(), "--admin-address", "127.0.0.1:0",
        "--web.listen-address", "127.0.0.1:" + port, "--web.enable-lifecycle"));
    if (configFile != null) {
      args.addAll(List.of("--config.file", configFile.toString()));
    }
    args.addAll(List.of(more));
    CairnProcess c = procs.cairn(args.toArray(String[]::new));
    c.awaitAdminUrl(Duration.ofSeconds(60));
    await().atMost(Duration.ofSeconds(30)).until(() -> status("http://127.0.0.1:" + port + "/-/ready") == 200);
    return port;
  }

  private int status(String url) {
    return procs.status(url);
  }


  private String get(int port, String pathAndQuery) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).build(),
        HttpResponse.BodyHandlers.ofString());
    return r.body();
  }

  private static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private int nodeExporter() throws Exception {
    int port = freePort();
    peer("prometheus-node-exporter", "--web.listen-address=127.0.0.1:" + port, "--collector.disable-defaults",
        "--collector.cpu", "--collector.meminfo", "--collector.loadavg");
    await().atMost(Duration.ofSeconds(20)).until(() -> status("http://127.0.0.1:" + port + "/metrics") == 200);
    return port;
  }

  @Test
  void scrapesNodeExporterAndItsOwnMetricsAndReloads() throws Exception {
    int node = nodeExporter();
    Path cfg = tmp.resolve("prometheus.yml");
    Files.writeString(cfg, """
        global: {scrape_interval: 1s, scrape_timeout: 1s}
        scrape_configs:
          - job_name: node
            static_configs: [{targets: ["127.0.0.1:%d"], labels: {env: it}}]
            metric_relabel_configs:
              - {source_labels: [__name__], regex: "node_cpu_guest_seconds_total", action: drop}
        """.formatted(node));
    int port = monitor(tmp.resolve("data"), cfg);
    Files.writeString(cfg, Files.readString(cfg) + """
          - job_name: self
            static_configs: [{targets: ["127.0.0.1:%d"]}]
        """.formatted(port));
    assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/-/reload"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      assertThat(get(port, "/api/v1/query?query=" + q("up{job=\"node\",env=\"it\"}"))).contains("\"1\"]");
      assertThat(get(port, "/api/v1/query?query=" + q("up{job=\"self\"}"))).contains("\"1\"]");
      assertThat(get(port, "/api/v1/query?query=" + q("node_load1"))).contains("\"instance\":\"127.0.0.1:" + node + "\"");
      assertThat(get(port, "/api/v1/query?query=" + q("prometheus_tsdb_head_series{job=\"self\"}"))).contains("\"value\"");
    });
    for (String m : List.of("scrape_duration_seconds", "scrape_samples_scraped", "scrape_samples_post_metric_relabeling", "scrape_series_added")) {
      assertThat(get(port, "/api/v1/query?query=" + q(m + "{job=\"node\"}"))).as(m).contains("\"job\":\"node\"");
    }
    assertThat(get(port, "/api/v1/series?match[]=node_cpu_guest_seconds_total")).isEqualTo("{\"status\":\"success\",\"data\":[]}");

    // A bad file is refused and the old configuration keeps running.
    String good = Files.readString(cfg);
    Files.writeString(cfg, good + "    bogus_field: 1\n");
    HttpResponse<String> bad = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/-/reload"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(bad.statusCode()).isEqualTo(500);
    assertThat(bad.body()).contains("field bogus_field not found");

    // Dropping the node job over SIGHUP marks its series stale.
    Files.writeString(cfg, good.substring(0, good.indexOf("  - job_name: node")) + good.substring(good.indexOf("  - job_name: self")));
    procs.cairns().getFirst().signal("HUP");
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      assertThat(get(port, "/api/v1/query?query=" + q("up{job=\"node\"}"))).contains("\"result\":[]");
      assertThat(get(port, "/api/v1/export?match[]=" + q("up{job=\"node\"}"))).contains("\"StaleNaN\"");
    });
  }

  @Test
  void kvDiscoveryFollowsLeasedKeys() throws Exception {
    UpPorts ports = UpPorts.pick();
    int client = ports.client();
    int admin = freePort();
    int port = ports.monitor();
    Path cfg = tmp.resolve("prometheus.yml");
    Files.writeString(cfg, """
        global: {scrape_interval: 1s, scrape_timeout: 1s}
        scrape_configs:
          - job_name: kvsd
            kv_sd_configs: [{endpoints: ["127.0.0.1:%d"], prefix: /it/targets/}]
        """.formatted(client));
    CairnProcess c = procs.cairn(ports.args(tmp.resolve("data"), "--admin-address", "127.0.0.1:" + admin,
        "--config.file", cfg.toString()).toArray(String[]::new));
    c.awaitAdminUrl(Duration.ofSeconds(60));
    await().atMost(Duration.ofSeconds(30)).until(() -> status("http://127.0.0.1:" + port + "/-/ready") == 200);
    String endpoints = "--endpoints=127.0.0.1:" + client;
    String grant = etcdctl(endpoints, "lease", "grant", "60");
    String lease = grant.split(" ")[1];
    etcdctl(endpoints, "put", "--lease=" + lease, "/it/targets/self",
        "{\"targets\":[\"127.0.0.1:" + admin + "\"],\"labels\":{\"team\":\"a\"}}");
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(get(port, "/api/v1/query?query=" + q("up{job=\"kvsd\",team=\"a\"}"))).contains("\"1\"]"));
    etcdctl(endpoints, "lease", "revoke", lease);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(get(port, "/api/v1/query?query=" + q("up{job=\"kvsd\"}"))).contains("\"result\":[]"));
    assertThat(get(port, "/api/v1/export?match[]=" + q("up{job=\"kvsd\"}"))).contains("\"StaleNaN\"");
  }

  private String etcdctl(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("etcdctl"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("ETCDCTL_API", "3");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as("etcdctl " + String.join(" ", args) + ": " + out).isZero();
    return out.strip();
  }

  @Test
  void realPrometheusRemoteWritesIntoCairn() throws Exception {
    int node = nodeExporter();
    Path empty = tmp.resolve("empty.yml");
    Files.writeString(empty, "scrape_configs: []\n");
    int port = monitor(tmp.resolve("data"), empty, "--web.enable-admin-api");
    int promPort = freePort();
    Path promCfg = tmp.resolve("prom.yml");
    Files.writeString(promCfg, """
        global: {scrape_interval: 1s, scrape_timeout: 1s}
        scrape_configs:
          - job_name: node
            static_configs: [{targets: ["127.0.0.1:%d"]}]
        remote_write:
          - url: http://127.0.0.1:%d/api/v1/write
            queue_config: {batch_send_deadline: 1s, max_samples_per_send: 500}
        """.formatted(node, port));
    peer("prometheus", "--config.file=" + promCfg, "--storage.tsdb.path=" + tmp.resolve("prom-data"),
        "--web.listen-address=127.0.0.1:" + promPort, "--web.enable-admin-api");
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        assertThat(get(port, "/api/v1/query?query=" + q("up{job=\"node\"}[1m]"))).containsPattern("(\\[[0-9.]+,\"1\"\\].*){8}"));
    // Same question to both at a time both have fully received: the raw samples must be identical.
    long t = System.currentTimeMillis() / 1000 - 3;
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(get(port, "/api/v1/query?query=" + q("up{job=\"node\"}[1m]") + "&time=" + (t + 4)))
            .isNotEqualTo(get(port, "/api/v1/query?query=" + q("up{job=\"node\"}[1m]") + "&time=" + t)));
    for (String sel : List.of("up{job=\"node\"}[1m]", "node_load1[1m]", "scrape_samples_scraped[1m]", "node_memory_MemTotal_bytes[1m]")) {
      String ours = get(port, "/api/v1/query?query=" + q(sel) + "&time=" + t);
      String theirs = get(promPort, "/api/v1/query?query=" + q(sel) + "&time=" + t);
      assertThat(ours).as(sel).isEqualTo(theirs).contains("\"values\"");
    }
    assertThat(get(port, "/api/v1/query?query=" + q("cairn_monitor_ingested_samples_total{protocol=\"remote_write\"}")))
        .isNotNull();
    // Snapshots: the same answer shape as Prometheus's, and promtool reads cairn's (head included) as blocks.
    String name = "\\{\"status\":\"success\",\"data\":\\{\"name\":\"(\\d{8}T\\d{6}Z-[0-9a-f]{16})\"}}";
    String theirs = post(promPort, "/api/v1/admin/tsdb/snapshot");
    String ours = post(port, "/api/v1/admin/tsdb/snapshot");
    assertThat(theirs).matches(name);
    assertThat(ours).matches(name);
    Path snapshot = tmp.resolve("data").resolve("monitor").resolve("snapshots").resolve(ours.replaceAll(name, "$1"));
    assertThat(dump(snapshot).stream().filter(l -> l.startsWith("{__name__=\"up\"") && l.contains("job=\"node\"")).count())
        .isGreaterThanOrEqualTo(8);
  }

  private String post(int port, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  @Test
  void importOpenMetricsWritesWhatPromtoolWrites() throws Exception {
    StringBuilder om = new StringBuilder("# HELP backfill_total A counter.\n# TYPE backfill_total counter\n");
    long start = 1_700_000_000L;
    for (int i = 0; i < 600; i++) { // 600 samples a minute apart: 10 h, several 2 h blocks
      om.append("backfill_total{job=\"a\"} ").append(i * 1.5).append(' ').append(start + 60L * i).append('\n');
      om.append("backfill_total{job=\"b\"} ").append(i).append(' ').append(start + 60L * i).append(".5\n");
    }
    om.append("# EOF\n");
    Path file = tmp.resolve("in.om");
    Files.writeString(file, om);
    Path ours = tmp.resolve("ours");
    CairnProcess c = procs.cairn("monitor", "import", "openmetrics", file.toString(), ours.toString());
    assertThat(c.awaitExit(Duration.ofSeconds(60))).as(c.toString()).isZero();
    assertThat(String.join("\n", c.out)).contains("imported 1200 samples of");
    Path theirs = tmp.resolve("theirs");
    Process p = new ProcessBuilder("promtool", "tsdb", "create-blocks-from", "openmetrics", file.toString(), theirs.toString())
        .redirectErrorStream(true).start();
    String promtoolOut = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(promtoolOut).isZero();
    assertThat(dump(ours)).isEqualTo(dump(theirs)).hasSize(1200);
    // cairn monitor serves the imported blocks.
    Path empty = tmp.resolve("empty.yml");
    Files.writeString(empty, "scrape_configs: []\n");
    int port = monitor(tmp.resolve("data"), empty, "--storage.tsdb.path", ours.toString());
    String export = get(port, "/api/v1/export?match[]=" + q("backfill_total{job=\"b\"}"));
    assertThat(export).contains("\"timestamps\":[" + (start * 1000 + 500) + ",");
  }

  /** {@code promtool tsdb dump}'s lines for every block under {@code dir}, sorted. */
  private static List<String> dump(Path dir) throws Exception {
    Files.createDirectories(dir.resolve("wal")); // promtool opens the directory as a database
    Process p = new ProcessBuilder("promtool", "tsdb", "dump", dir.toString()).start();
    List<String> lines = new ArrayList<>(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList());
    assertThat(p.waitFor()).isZero();
    java.util.Collections.sort(lines);
    return lines;
  }

  @Test
  void killDuringIngestLosesNothingAcknowledged() throws Exception {
    Path empty = tmp.resolve("empty.yml");
    Files.writeString(empty, "scrape_configs: []\n");
    Path data = tmp.resolve("data");
    int port = monitor(data, empty);
    RemoteWriteCodec codec = new RemoteWriteCodec();
    Map<String, Long> acked = new ConcurrentHashMap<>(); // series -> newest acknowledged timestamp
    AtomicBoolean stop = new AtomicBoolean();
    long base = System.currentTimeMillis() - 60_000;
    List<Thread> writers = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      int id = w;
      writers.add(Thread.ofVirtual().start(() -> {
        for (int i = 0; i < 100_000 && !stop.get(); i++) {
          List<TimeSeries> series = new ArrayList<>();
          for (int s = 0; s < 20; s++) {
            series.add(new TimeSeries(Labels.of("__name__", "crash_test", "w", "" + id, "s", "" + s),
                List.of(new Sample(base + i, i))));
          }
          try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/write"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(codec.encode(new WriteRequest(series)))).build(),
                HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() != 204) {
              return;
            }
            acked.put("w" + id, base + i);
          } catch (IOException | InterruptedException e) {
            return; // the server died
          }
        }
      }));
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> acked.values().stream().allMatch(v -> v > base + 50) && acked.size() == 4);
    Thread.sleep(1000);
    procs.cairns().getFirst().signal("KILL");
    procs.cairns().getFirst().process.waitFor();
    stop.set(true);
    for (Thread t : writers) {
      t.join(10_000);
    }
    Map<String, Long> snapshot = Map.copyOf(acked);
    int port2 = monitor(data, empty);
    for (var e : snapshot.entrySet()) {
      String w = e.getKey().substring(1);
      long newest = e.getValue();
      String body = get(port2, "/api/v1/export?match[]=" + q("crash_test{w=\"" + w + "\",s=\"19\"}"));
      assertThat(body).as("writer " + w).contains(",\"timestamps\":[" + base + ",");
      String ts = body.substring(body.indexOf("\"timestamps\":[") + 14, body.lastIndexOf(']'));
      String[] all = ts.split(",");
      assertThat(Long.parseLong(all[all.length - 1])).as("newest sample of writer " + w).isGreaterThanOrEqualTo(newest);
      assertThat(all.length).as("no gaps for writer " + w).isGreaterThanOrEqualTo((int) (newest - base + 1));
    }
  }
}
