package io.cairn.monitor.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.config.HostPort;
import io.cairn.promql.engine.Engine;
import io.cairn.promql.engine.EngineOptions;
import io.cairn.monitor.ingest.remotewrite.RemoteWriteCodec;
import io.cairn.monitor.ingest.remotewrite.Sample;
import io.cairn.monitor.ingest.remotewrite.TimeSeries;
import io.cairn.monitor.ingest.remotewrite.WriteRequest;
import io.cairn.tsdb.head.Head;
import io.cairn.tsdb.head.HeadOptions;
import io.cairn.tsdb.model.Labels;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitorWebTest {
  static final long NOW = 1_700_000_000_000L;
  @TempDir Path dir;
  Head head;
  MonitorWeb web;
  final AtomicBoolean reloadFails = new AtomicBoolean();
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    head = Head.open(dir.resolve("wal"), HeadOptions.defaults().withOutOfOrderWindow(0), Long.MIN_VALUE);
    MonitorWeb.Reloader reloader = () -> {
      if (reloadFails.get()) {
        throw new IllegalArgumentException("field foo not found");
      }
    };
    web = new MonitorWeb(new HostPort("127.0.0.1", 0), new MonitorWeb.Wiring(
        head, head, new PrometheusRegistry(), reloader, () -> true, true, true, () -> NOW));
    web.start();
  }

  @AfterEach
  void stop() throws Exception {
    web.stop();
    head.close();
  }

  HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + path))
        .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String pathAndQuery) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + pathAndQuery)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void theAdminApiIsOffByDefaultAndSnapshotsWhenOn() throws Exception {
    HttpResponse<String> off = post("/api/v1/admin/tsdb/snapshot", "text/plain", new byte[0]);
    assertThat(off.statusCode()).isEqualTo(503);
    assertThat(off.body()).isEqualTo("{\"status\":\"error\",\"errorType\":\"unavailable\",\"error\":\"admin APIs disabled\"}");
    web.stop();
    List<Boolean> skips = new java.util.ArrayList<>();
    web = new MonitorWeb(new HostPort("127.0.0.1", 0), new MonitorWeb.Wiring(
        head, head, new PrometheusRegistry(), () -> {}, () -> true, true, true, () -> NOW, skip -> {
          skips.add(skip);
          return "20261121T000000Z-00000000000000" + skips.size();
        }));
    web.start();
    HttpResponse<String> on = post("/api/v1/admin/tsdb/snapshot?skip_head=true", "text/plain", new byte[0]);
    assertThat(on.statusCode()).isEqualTo(200);
    assertThat(on.body()).isEqualTo("{\"status\":\"success\",\"data\":{\"name\":\"20261121T000000Z-000000000000001\"}}");
    assertThat(post("/api/v1/admin/tsdb/snapshot", "application/x-www-form-urlencoded", "skip_head=0".getBytes()).statusCode()).isEqualTo(200);
    assertThat(skips).containsExactly(true, false);
    HttpResponse<String> bad = post("/api/v1/admin/tsdb/snapshot?skip_head=yes", "text/plain", new byte[0]);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("\"errorType\":\"bad_data\"", "unable to parse boolean 'skip_head' argument");
    assertThat(get("/api/v1/admin/tsdb/snapshot").statusCode()).isEqualTo(405);
    assertThat(skips).hasSize(2);
  }

  @Test
  void remoteWriteThenQuery() throws Exception {
    byte[] body = new RemoteWriteCodec().encode(new WriteRequest(List.of(
        new TimeSeries(Labels.of("__name__", "up", "job", "a"), List.of(new Sample(NOW - 2000, 1), new Sample(NOW - 1000, 0.5))))));
    HttpResponse<String> r = post("/api/v1/write", "application/x-protobuf", body);
    assertThat(r.statusCode()).isEqualTo(204);
    assertThat(get("/api/v1/query?query=" + q("up")).body()).isEqualTo(
        "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{\"__name__\":\"up\",\"job\":\"a\"},\"value\":[1700000000,\"0.5\"]}]}}");
    assertThat(get("/api/v1/query?query=" + q("up{job=~'a|b'}[1m]") + "&time=1700000000.5").body()).isEqualTo(
        "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{\"__name__\":\"up\",\"job\":\"a\"},\"values\":[[1699999998,\"1\"],[1699999999,\"0.5\"]]}]}}");
    assertThat(get("/api/v1/export?match[]=" + q("{job=\"a\"}")).body())
        .isEqualTo("{\"metric\":{\"__name__\":\"up\",\"job\":\"a\"},\"values\":[1,0.5],\"timestamps\":[1699999998000,1699999999000]}\n");
    assertThat(get("/api/v1/series?match[]=up").body()).isEqualTo("{\"status\":\"success\",\"data\":[{\"__name__\":\"up\",\"job\":\"a\"}]}");
    assertThat(get("/api/v1/labels").body()).isEqualTo("{\"status\":\"success\",\"data\":[\"__name__\",\"job\"]}");
    assertThat(get("/api/v1/label/job/values").body()).isEqualTo("{\"status\":\"success\",\"data\":[\"a\"]}");
  }

  @Test
  void remoteWriteRefusalsAreAllOrNothing() throws Exception {
    assertThat(post("/api/v1/write", "application/x-protobuf", new byte[] {1, 2, 3}).statusCode()).isEqualTo(400);
    RemoteWriteCodec codec = new RemoteWriteCodec();
    post("/api/v1/write", "application/x-protobuf", codec.encode(new WriteRequest(List.of(
        new TimeSeries(Labels.of("__name__", "x"), List.of(new Sample(NOW, 1)))))));
    HttpResponse<String> r = post("/api/v1/write", "application/x-protobuf", codec.encode(new WriteRequest(List.of(
        new TimeSeries(Labels.of("__name__", "y"), List.of(new Sample(NOW, 7))),
        new TimeSeries(Labels.of("__name__", "x"), List.of(new Sample(NOW - 10, 1)))))));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).startsWith("out of order sample");
    assertThat(get("/api/v1/series?match[]=y").body()).isEqualTo("{\"status\":\"success\",\"data\":[]}");
  }

  @Test
  void influxV1AndV2() throws Exception {
    String lines = "cpu,host=a usage=0.5,idle=3i " + NOW * 1_000_000 + "\nmem,host=a used=1 " + NOW * 1_000_000 + "\n";
    assertThat(post("/write?db=x", "text/plain", lines.getBytes()).statusCode()).isEqualTo(204);
    assertThat(get("/api/v1/export?match[]=" + q("{host=\"a\"}")).body().lines())
        .containsExactly(
            "{\"metric\":{\"__name__\":\"cpu_idle\",\"host\":\"a\"},\"values\":[3],\"timestamps\":[1700000000000]}",
            "{\"metric\":{\"__name__\":\"cpu_usage\",\"host\":\"a\"},\"values\":[0.5],\"timestamps\":[1700000000000]}",
            "{\"metric\":{\"__name__\":\"mem_used\",\"host\":\"a\"},\"values\":[1],\"timestamps\":[1700000000000]}");
    HttpResponse<String> partial = post("/write?db=x&precision=ms", "text/plain", ("good v=1 " + (NOW + 1) + "\nbad\n").getBytes());
    assertThat(partial.statusCode()).isEqualTo(400);
    assertThat(partial.body()).isEqualTo("{\"error\":\"partial write: unable to parse 'bad': missing fields dropped=0\"}\n");
    assertThat(post("/write", "text/plain", "a v=1".getBytes()).body()).isEqualTo("{\"error\":\"database is required\"}\n");
    assertThat(post("/api/v2/write?bucket=b&precision=s", "text/plain", ("v2 v=2 " + NOW / 1000 + "\n").getBytes()).statusCode()).isEqualTo(204);
    HttpResponse<String> dropped = post("/api/v2/write?bucket=b&precision=s", "text/plain", ("v2 v=3 " + (NOW / 1000 - 100) + "\n").getBytes());
    assertThat(dropped.statusCode()).isEqualTo(422);
    assertThat(dropped.body()).contains("\"code\":\"unprocessable entity\"").contains("dropped=1");
    assertThat(post("/api/v2/write?bucket=b&precision=xs", "text/plain", "a v=1".getBytes()).statusCode()).isEqualTo(400);
  }

  @Test
  void promqlInstantAndRangeQueries() throws Exception {
    RemoteWriteCodec codec = new RemoteWriteCodec();
    List<TimeSeries> series = new java.util.ArrayList<>();
    for (String job : List.of("a", "b")) {
      List<Sample> samples = new java.util.ArrayList<>();
      for (int i = 0; i <= 10; i++) {
        samples.add(new Sample(NOW - 600_000 + i * 60_000L, i * (job.equals("a") ? 60 : 120)));
      }
      series.add(new TimeSeries(Labels.of("__name__", "req_total", "job", job), samples));
    }
    assertThat(post("/api/v1/write", "application/x-protobuf", codec.encode(new WriteRequest(series))).statusCode()).isEqualTo(204);
    assertThat(get("/api/v1/query?query=" + q("sum(rate(req_total[5m]))") + "&time=" + NOW / 1000).body()).isEqualTo(
        "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[1700000000,\"3\"]}]}}");
    assertThat(get("/api/v1/query?query=" + q("1+1") + "&time=10").body()).isEqualTo(
        "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[10,\"2\"]}}");
    assertThat(post("/api/v1/query_range", "application/x-www-form-urlencoded",
        ("query=" + q("req_total{job=\"b\"} / 120") + "&start=" + (NOW / 1000 - 120) + "&end=" + NOW / 1000 + "&step=1m").getBytes()).body())
        .isEqualTo("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{\"job\":\"b\"},"
            + "\"values\":[[1699999880,\"8\"],[1699999940,\"9\"],[1700000000,\"10\"]]}]}}");
    HttpResponse<String> manyToMany = get("/api/v1/query?query=" + q("req_total + on() req_total") + "&time=" + NOW / 1000);
    // Vector and matrix values switch to 'e' below 1e-6 and from 1e21 on (marshalPointJSON); scalars never do.
    assertThat(get("/api/v1/query?query=" + q("vector(1.5e-7) or label_replace(vector(-1e21), \"a\", \"b\", \"\", \"\")"
        + " or label_replace(vector(123456789012345678901234567890), \"a\", \"c\", \"\", \"\")"
        + " or label_replace(vector(0.000001), \"a\", \"d\", \"\", \"\")") + "&time=10").body()).isEqualTo(
        "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[10,\"1.5e-07\"]},"
            + "{\"metric\":{\"a\":\"b\"},\"value\":[10,\"-1e+21\"]},"
            + "{\"metric\":{\"a\":\"c\"},\"value\":[10,\"1.2345678901234568e+29\"]},"
            + "{\"metric\":{\"a\":\"d\"},\"value\":[10,\"0.000001\"]}]}}");
    assertThat(get("/api/v1/query_range?query=" + q("vector(2.5e-300)") + "&start=10&end=10&step=1").body()).isEqualTo(
        "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{},\"values\":[[10,\"2.5e-300\"]]}]}}");
    assertThat(get("/api/v1/query?query=" + q("1.5e-7") + "&time=10").body()).isEqualTo(
        "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[10,\"0.00000015\"]}}");
    assertThat(manyToMany.statusCode()).isEqualTo(422);
    assertThat(manyToMany.body()).contains("\"errorType\":\"execution\"");
    assertThat(get("/api/v1/format_query?query=" + q("sum by(job)(x)")).body()).isEqualTo("{\"status\":\"success\",\"data\":\"sum by (job) (x)\"}");
    assertThat(get("/api/v1/query_exemplars?query=up").body()).isEqualTo("{\"status\":\"success\",\"data\":[]}");
    assertThat(get("/api/v1/labels?match[]=" + q("req_total{job=\"a\"}")).body()).isEqualTo("{\"status\":\"success\",\"data\":[\"__name__\",\"job\"]}");
    assertThat(get("/api/v1/label/job/values?match[]=" + q("{__name__=~\"req.*\"}")).body()).isEqualTo("{\"status\":\"success\",\"data\":[\"a\",\"b\"]}");
  }

  @Test
  void aQueryOverTheSampleLimitFailsAndTheServerKeepsServing() throws Exception {
    web.stop();
    web = new MonitorWeb(new HostPort("127.0.0.1", 0), new MonitorWeb.Wiring(
        head, head, new PrometheusRegistry(), () -> {}, () -> true, true, true, () -> NOW, null, null,
        new Engine(EngineOptions.defaults().withMaxSamples(100))));
    web.start();
    List<TimeSeries> series = new java.util.ArrayList<>();
    for (int s = 0; s < 20; s++) {
      List<Sample> samples = new java.util.ArrayList<>();
      for (int i = 0; i < 10; i++) {
        samples.add(new Sample(NOW - 10_000 + i * 1000L, i));
      }
      series.add(new TimeSeries(Labels.of("__name__", "many", "s", "" + s), samples));
    }
    assertThat(post("/api/v1/write", "application/x-protobuf", new RemoteWriteCodec().encode(new WriteRequest(series))).statusCode())
        .isEqualTo(204);
    HttpResponse<String> big = get("/api/v1/query?query=" + q("many[1m]") + "&time=" + NOW / 1000);
    assertThat(big.statusCode()).isEqualTo(422);
    assertThat(big.body()).isEqualTo("{\"status\":\"error\",\"errorType\":\"execution\","
        + "\"error\":\"query processing would load too many samples into memory in query execution\"}");
    assertThat(get("/api/v1/query?query=" + q("count(many)") + "&time=" + NOW / 1000).body())
        .isEqualTo("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[1700000000,\"20\"]}]}}");
    TimeSeries longValue = new TimeSeries(Labels.of("__name__", "many", "s", "a".repeat(40) + "c"), List.of(new Sample(NOW, 1)));
    post("/api/v1/write", "application/x-protobuf", new RemoteWriteCodec().encode(new WriteRequest(List.of(longValue))));
    HttpResponse<String> redos = get("/api/v1/query?query=" + q("many{s=~\"(.*a){10}\"}") + "&time=" + NOW / 1000);
    assertThat(redos.statusCode()).isEqualTo(422);
    assertThat(redos.body()).contains("\"errorType\":\"execution\"", "took too many steps");
    HttpResponse<String> late = get("/api/v1/query?query=" + q("count(many)") + "&timeout=0s");
    assertThat(late.statusCode()).isEqualTo(503);
    assertThat(late.body()).contains("\"errorType\":\"timeout\"");
  }

  @Test
  void timestampsAreRenderedAsPrometheusRendersThem() throws Exception {
    // As the real Prometheus 2.42: points keep three millisecond digits, scalars drop trailing zeros.
    assertThat(get("/api/v1/query?query=vector(1)&time=100.94").body())
        .isEqualTo("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[100.940,\"1\"]}]}}");
    assertThat(get("/api/v1/query?query=1&time=100.94").body())
        .isEqualTo("{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[100.94,\"1\"]}}");
    assertThat(get("/api/v1/query_range?query=1&start=100.7&end=102.7&step=1").body())
        .isEqualTo("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{},"
            + "\"values\":[[100.700,\"1\"],[101.700,\"1\"],[102.700,\"1\"]]}]}}");
  }

  @Test
  void badReadsAreBadData() throws Exception {
    HttpResponse<String> r = get("/api/v1/query?query=" + q("{job=\"\"}"));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).isEqualTo("{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"invalid parameter \\\"query\\\": 1:1: parse error: vector selector must contain at least one non-empty matcher\"}");
    assertThat(get("/api/v1/query?query=" + q("up{a=~\"(\"}")).statusCode()).isEqualTo(400);
    assertThat(get("/api/v1/query?query=" + q("rate(up)")).body()).isEqualTo("{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":"
        + "\"invalid parameter \\\"query\\\": 1:6: parse error: expected type range vector in call to function \\\"rate\\\", got instant vector\"}");
    assertThat(get("/api/v1/query_range?query=up&start=1&end=2").body()).contains("invalid parameter \\\"step\\\"");
    assertThat(get("/api/v1/query_range?query=up&start=2&end=1&step=1").body()).contains("end timestamp must not be before start time");
    // query_range reports parse and type errors without the 'invalid parameter "query"' prefix (as Prometheus 2.42).
    assertThat(get("/api/v1/query_range?query=" + q("up[5m]") + "&start=1&end=2&step=1").body()).isEqualTo(
        "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":"
            + "\"invalid expression type \\\"range vector\\\" for range query, must be Scalar or instant Vector\"}");
    assertThat(get("/api/v1/query_range?query=" + q("sum(") + "&start=1&end=2&step=1").body()).isEqualTo(
        "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"1:5: parse error: unclosed left parenthesis\"}");
    assertThat(get("/api/v1/query?query=up&timeout=zz").statusCode()).isEqualTo(400);
    assertThat(get("/api/v1/series?match[]=" + q("{a=\"\"}")).body())
        .contains("invalid parameter \\\"match[]\\\": match[] must contain at least one non-empty matcher");
    assertThat(get("/api/v1/query?query=up&time=yesterday").statusCode()).isEqualTo(400);
    assertThat(get("/api/v1/series").statusCode()).isEqualTo(400);
    assertThat(get("/api/v1/nope").statusCode()).isEqualTo(404);
  }

  @Test
  void lifecycleAndHealth() throws Exception {
    assertThat(get("/-/healthy").body()).isEqualTo("Prometheus Server is Healthy.\n");
    assertThat(get("/-/ready").body()).isEqualTo("Prometheus Server is Ready.\n");
    assertThat(post("/-/reload", "text/plain", new byte[0]).statusCode()).isEqualTo(200);
    reloadFails.set(true);
    HttpResponse<String> r = post("/-/reload", "text/plain", new byte[0]);
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(r.body()).contains("field foo not found");
    assertThat(get("/-/reload").statusCode()).isEqualTo(405);
    assertThat(get("/random-path-42").statusCode()).isEqualTo(404);
    assertThat(get("/metrics").body()).contains("prometheus_http_requests_total")
        .contains("handler=\"other\"").doesNotContain("random-path-42");
  }
}
