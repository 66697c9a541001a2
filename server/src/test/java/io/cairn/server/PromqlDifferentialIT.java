package io.cairn.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.monitor.ingest.remotewrite.RemoteWriteCodec;
import io.cairn.monitor.ingest.remotewrite.Sample;
import io.cairn.monitor.ingest.remotewrite.TimeSeries;
import io.cairn.monitor.ingest.remotewrite.WriteRequest;
import io.cairn.tsdb.model.Labels;
import java.io.IOException;
import java.math.BigDecimal;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PromQL over HTTP, differentially: the real Prometheus 2.42 and {@code cairn monitor} receive the
 * same deterministic two hours of samples over remote write (counters with resets, gauges,
 * classic histogram buckets, NaN and infinities, gaps, a series ended by a stale marker), then
 * answer the same instant and range queries, series/labels look-ups and {@code promtool query}
 * invocations. Status codes, error types and texts, result types, labels, timestamps and value
 * texts must be equal; vectors compare as sets unless the query orders them. A missing peer fails
 * the test.
 */
class PromqlDifferentialIT {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static final long STEP_MS = 15_000;
  private static final int POINTS = 481; // two hours at 15 s, both ends included
  private static final int STALE_AT = 301; // index of the stale marker of stale_gauge{job="batch"}
  private static final long STALE_NAN = 0x7ff0000000000002L;

  @TempDir Path tmp;
  private final HttpClient http = HttpClient.newHttpClient();
  private Peers procs;
  private final List<String> mismatches = new ArrayList<>();
  private final StringBuilder log = new StringBuilder();
  private int compared;
  private int nonEmpty;

  @BeforeEach
  void startPeers() {
    procs = new Peers(tmp);
  }

  @AfterEach
  void stopAll() throws InterruptedException {
    procs.close();
  }


  private int status(String url) {
    return procs.status(url);
  }


  private HttpResponse<String> get(int port, String pathAndQuery) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Seconds with up to three decimals, as a query parameter. */
  private static String secs(long ms) {
    return BigDecimal.valueOf(ms, 3).stripTrailingZeros().toPlainString();
  }

  // ---------------------------------------------------------------------------------------------
  // The data set

  /** Every series with its samples, oldest first; deterministic for a given start. */
  static List<TimeSeries> dataSet(long startMs) {
    Random rnd = new Random(20230201L);
    List<TimeSeries> out = new ArrayList<>();
    String[] jobs = {"api", "web", "db"};
    for (String job : jobs) {
      for (int inst = 0; inst < 4; inst++) {
        String instance = "10.0.0." + inst + ":9100";
        for (String method : new String[] {"get", "post"}) {
          for (String code : new String[] {"200", "500"}) {
            List<Sample> s = new ArrayList<>();
            double v = rnd.nextInt(1000);
            for (int i = 0; i < POINTS; i++) {
              double inc = rnd.nextInt(20) + rnd.nextInt(4) * 0.25;
              v = rnd.nextInt(170) == 0 ? inc : v + (code.equals("500") ? inc / 10 : inc); // resets
              if (inst == 3 && i >= 200 && i < 240) {
                continue; // a ten minute gap
              }
              s.add(new Sample(startMs + i * STEP_MS, v));
            }
            out.add(new TimeSeries(Labels.of("__name__", "http_requests_total", "job", job, "instance", instance,
                "method", method, "code", code), s));
          }
        }
        List<Sample> temp = new ArrayList<>();
        List<Sample> mem = new ArrayList<>();
        List<Sample> up = new ArrayList<>();
        List<Sample> info = new ArrayList<>();
        double phase = rnd.nextDouble() * 6;
        for (int i = 0; i < POINTS; i++) {
          long t = startMs + i * STEP_MS;
          temp.add(new Sample(t, 20 + 5 * Math.sin(i / 20.0 + phase) + rnd.nextGaussian()));
          mem.add(new Sample(t, 1.2e9 + rnd.nextInt(1 << 20) * 4096.0));
          up.add(new Sample(t, inst == 2 && i > 400 ? 0 : 1));
          info.add(new Sample(t, 1));
        }
        out.add(new TimeSeries(Labels.of("__name__", "temperature_celsius", "job", job, "instance", instance), temp));
        out.add(new TimeSeries(Labels.of("__name__", "mem_bytes", "job", job, "instance", instance), mem));
        out.add(new TimeSeries(Labels.of("__name__", "up", "job", job, "instance", instance), up));
        out.add(new TimeSeries(Labels.of("__name__", "build_info", "job", job, "instance", instance,
            "version", "1." + (inst % 2) + ".0"), info));
        // A classic histogram: cumulative buckets, _sum and _count.
        double[] les = {0.05, 0.1, 0.25, 0.5, 1, 2.5};
        String[] leText = {"0.05", "0.1", "0.25", "0.5", "1", "2.5", "+Inf"};
        List<List<Sample>> buckets = new ArrayList<>();
        for (int b = 0; b <= les.length; b++) {
          buckets.add(new ArrayList<>());
        }
        List<Sample> sum = new ArrayList<>();
        List<Sample> count = new ArrayList<>();
        double[] cum = new double[les.length + 1];
        double total = 0;
        for (int i = 0; i < POINTS; i++) {
          long t = startMs + i * STEP_MS;
          int n = rnd.nextInt(30);
          for (int k = 0; k < n; k++) {
            double d = Math.exp(rnd.nextGaussian() - 1.5);
            total += d;
            for (int b = 0; b <= les.length; b++) {
              if (b == les.length || d <= les[b]) {
                cum[b]++;
              }
            }
          }
          for (int b = 0; b <= les.length; b++) {
            buckets.get(b).add(new Sample(t, cum[b]));
          }
          sum.add(new Sample(t, total));
          count.add(new Sample(t, cum[les.length]));
        }
        for (int b = 0; b <= les.length; b++) {
          out.add(new TimeSeries(Labels.of("__name__", "request_duration_seconds_bucket", "job", job,
              "instance", instance, "le", leText[b]), buckets.get(b)));
        }
        out.add(new TimeSeries(Labels.of("__name__", "request_duration_seconds_sum", "job", job, "instance", instance), sum));
        out.add(new TimeSeries(Labels.of("__name__", "request_duration_seconds_count", "job", job, "instance", instance), count));
      }
    }
    // A series ended by a stale marker, and one that carries on.
    for (String job : new String[] {"batch", "batch2"}) {
      List<Sample> s = new ArrayList<>();
      for (int i = 0; i < POINTS; i++) {
        long t = startMs + i * STEP_MS;
        if (job.equals("batch") && i == STALE_AT) {
          s.add(new Sample(t, Double.longBitsToDouble(STALE_NAN)));
          break;
        }
        s.add(new Sample(t, i * 0.1));
      }
      out.add(new TimeSeries(Labels.of("__name__", "stale_gauge", "job", job), s));
    }
    // NaN, infinities, extremes.
    Map<String, java.util.function.IntToDoubleFunction> special = new LinkedHashMap<>();
    special.put("nan", i -> Double.NaN);
    special.put("inf", i -> Double.POSITIVE_INFINITY);
    special.put("ninf", i -> Double.NEGATIVE_INFINITY);
    special.put("mixed", i -> switch (i % 5) {
      case 0 -> Double.NaN;
      case 1 -> Double.POSITIVE_INFINITY;
      case 2 -> -0.0;
      case 3 -> 1e-300 * i;
      default -> i / 3.0;
    });
    special.put("huge", i -> 1.7e308 / (i + 1) + (i % 2 == 0 ? 1e25 : 1e21));
    special.put("tiny", i -> 1.0 / (i + 7) * 1e-7);
    special.put("int", i -> 1e15 + i);
    for (var e : special.entrySet()) {
      List<Sample> s = new ArrayList<>();
      for (int i = 0; i < POINTS; i++) {
        s.add(new Sample(startMs + i * STEP_MS, e.getValue().applyAsDouble(i)));
      }
      out.add(new TimeSeries(Labels.of("__name__", "special_values", "kind", e.getKey()), s));
    }
    // Sparse: a sample every seven minutes only.
    for (int k = 0; k < 3; k++) {
      List<Sample> s = new ArrayList<>();
      for (int i = k; i < POINTS; i += 28) {
        s.add(new Sample(startMs + i * STEP_MS, k * 100 + i));
      }
      out.add(new TimeSeries(Labels.of("__name__", "sparse", "k", "" + k), s));
    }
    return out;
  }

  /** Remote-writes the samples oldest first, 40 timestamps of every series per request. */
  private void write(int port, List<TimeSeries> data, long startMs) throws Exception {
    RemoteWriteCodec codec = new RemoteWriteCodec();
    for (int from = 0; from < POINTS; from += 40) {
      long lo = startMs + from * STEP_MS;
      long hi = startMs + (from + 40) * STEP_MS;
      List<TimeSeries> batch = new ArrayList<>();
      for (TimeSeries ts : data) {
        List<Sample> part = ts.samples().stream().filter(s -> s.timestampMs() >= lo && s.timestampMs() < hi).toList();
        if (!part.isEmpty()) {
          batch.add(new TimeSeries(ts.labels(), part));
        }
      }
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/write"))
          .header("Content-Type", "application/x-protobuf").header("Content-Encoding", "snappy")
          .header("X-Prometheus-Remote-Write-Version", "0.1.0")
          .POST(HttpRequest.BodyPublishers.ofByteArray(codec.encode(new WriteRequest(batch)))).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as("remote write to " + port + ": " + r.body()).isEqualTo(204);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The queries. {MID} is replaced by a Unix time in the middle of the data, {EARLY} by one near
  // its start.

  static final List<String> QUERIES = List.of(
      // selectors, every matcher kind
      "http_requests_total",
      "http_requests_total{job=\"api\"}",
      "http_requests_total{job!=\"api\",code=\"500\"}",
      "http_requests_total{instance=~\"10.0.0.[12]:9100\"}",
      "http_requests_total{method!~\"g.*\",job=~\"api|db\"}",
      "{__name__=~\"temperature_.*|mem_bytes\"}",
      "{job=\"db\",__name__!~\"request.*|http.*\"}",
      "http_requests_total{job=\"api\",instance=\"10.0.0.3:9100\"}[2m]",
      "temperature_celsius[1m] offset 3m",
      "temperature_celsius offset 5m",
      "temperature_celsius offset -5m",
      "temperature_celsius @ {MID}",
      "temperature_celsius @ {MID} offset 1m",
      "sum(temperature_celsius @ end())",
      "sum(temperature_celsius @ start())",
      "sparse",
      "nonexistent_metric",
      // rates and friends
      "rate(http_requests_total[5m])",
      "irate(http_requests_total{job=\"web\"}[1m])",
      "increase(http_requests_total{code=\"500\"}[10m])",
      "rate(http_requests_total{instance=\"10.0.0.3:9100\"}[3m])",
      "delta(temperature_celsius[10m])",
      "idelta(temperature_celsius[1m])",
      "deriv(temperature_celsius[10m])",
      "predict_linear(temperature_celsius[15m], 600)",
      "holt_winters(temperature_celsius[10m], 0.5, 0.3)",
      "rate(sparse[10m])",
      "histogram_quantile(0.9, rate(request_duration_seconds_bucket[5m]))",
      "histogram_quantile(0.5, sum by (le, job) (rate(request_duration_seconds_bucket[5m])))",
      "histogram_quantile(0.99, sum by (le) (increase(request_duration_seconds_bucket[10m])))",
      "histogram_quantile(1.5, sum by (le) (rate(request_duration_seconds_bucket[5m])))",
      "rate(request_duration_seconds_sum[5m]) / rate(request_duration_seconds_count[5m])",
      // *_over_time
      "avg_over_time(temperature_celsius[10m])",
      "min_over_time(temperature_celsius[10m])",
      "max_over_time(mem_bytes[10m])",
      "sum_over_time(temperature_celsius[5m])",
      "count_over_time(http_requests_total[7m])",
      "last_over_time(sparse[10m])",
      "stddev_over_time(temperature_celsius[10m])",
      "stdvar_over_time(temperature_celsius[10m])",
      "present_over_time(sparse[5m])",
      "quantile_over_time(0.75, temperature_celsius[10m])",
      "quantile_over_time(0, temperature_celsius[5m])",
      "changes(up[30m])",
      "resets(http_requests_total[1h])",
      "absent_over_time(nonexistent_metric[5m])",
      "absent_over_time(sparse{k=\"1\"}[2m])",
      // aggregations
      "sum(http_requests_total)",
      "sum by (job) (rate(http_requests_total[5m]))",
      "sum without (instance, method) (rate(http_requests_total[5m]))",
      "avg by (job) (temperature_celsius)",
      "min by (instance) (temperature_celsius)",
      "max without (job) (temperature_celsius)",
      "count by (code) (http_requests_total)",
      "group by (job) (http_requests_total)",
      "stddev by (job) (temperature_celsius)",
      "stdvar(temperature_celsius)",
      "topk(3, temperature_celsius)",
      "bottomk(2, rate(http_requests_total[5m])) by (job)",
      "topk by (job) (1, mem_bytes)",
      "quantile by (job) (0.3, temperature_celsius)",
      "quantile(0.9, rate(http_requests_total[5m]))",
      "count_values(\"version\", build_info)",
      "count_values(\"value\", up)",
      "sum(special_values)",
      "avg(special_values)",
      // binary operators
      "rate(http_requests_total[5m]) * on(job, instance) group_left(version) build_info",
      "up + on(job, instance) group_right rate(http_requests_total[5m])",
      "sum by (job, instance) (rate(http_requests_total[5m])) / ignoring(version) group_left build_info",
      "temperature_celsius > 22",
      "temperature_celsius > bool 22",
      "temperature_celsius == bool temperature_celsius",
      "22 < temperature_celsius",
      "mem_bytes / 1024 / 1024",
      "2 ^ 3 ^ 2",
      "-temperature_celsius % 3",
      "temperature_celsius atan2 mem_bytes",
      "http_requests_total{code=\"200\"} / ignoring(code) http_requests_total{code=\"500\"}",
      "http_requests_total{code=\"200\"} - on(job, instance, method) http_requests_total{code=\"500\"}",
      "special_values * 2",
      "special_values > 0",
      "special_values != bool 0",
      "1 / 0",
      "-1 / 0 + 0 / 0",
      // set operators
      "http_requests_total{code=\"200\"} and http_requests_total{method=\"get\"}",
      "http_requests_total{code=\"200\"} or http_requests_total{method=\"get\"}",
      "http_requests_total unless http_requests_total{job=\"api\"}",
      "up and on(job) (up == 0)",
      "temperature_celsius or on(instance) mem_bytes",
      // subqueries
      "max_over_time(rate(http_requests_total{job=\"api\"}[5m])[30m:1m])",
      "avg_over_time(temperature_celsius[20m:])",
      "deriv(sum(temperature_celsius)[15m:2m])",
      "rate(http_requests_total{job=\"db\",method=\"get\"}[5m])[10m:1m]",
      "min_over_time(temperature_celsius[10m:30s] offset 10m)",
      "max_over_time(temperature_celsius[10m:45s] @ {MID})",
      // label manipulation, absent
      "label_replace(up, \"host\", \"$1\", \"instance\", \"(.*):.*\")",
      "label_replace(up, \"job\", \"\", \"job\", \".*\")",
      "label_join(up, \"pair\", \"/\", \"job\", \"instance\")",
      "absent(nonexistent_metric{job=\"x\",env=~\"y\"})",
      "absent(http_requests_total)",
      "absent(sum(nonexistent_metric))",
      // time functions
      "time()",
      "timestamp(temperature_celsius)",
      "timestamp(sparse)",
      "hour()",
      "minute(timestamp(temperature_celsius))",
      "day_of_month()",
      "day_of_week(vector(1.7e9))",
      "day_of_year(vector({EARLY}))",
      "days_in_month(vector(1709251200))",
      "month() + year()",
      // sort, scalar, vector, literals, maths
      "sort(sum by (job, instance) (mem_bytes))",
      "sort_desc(sum by (job, instance) (mem_bytes))",
      "sort(special_values)",
      "scalar(sum(up))",
      "scalar(http_requests_total)",
      "vector(1)",
      "vector(time())",
      "\"a string\"",
      "42",
      "1e3",
      "-Inf",
      "NaN",
      "0x1F",
      "1.5e-7",
      "123456789012345678901234567890",
      "0.1 + 0.2",
      "abs(-temperature_celsius)",
      "round(temperature_celsius, 0.5)",
      "ceil(temperature_celsius) - floor(temperature_celsius)",
      // exp, ln/log2/log10, sin/cos/tanh: cairn uses java.lang.Math, Go's math package its own
      // implementations (Cephes trig, amd64 assembly exp and log); their values are compared within
      // 4 ulps (see GO_MATH) until cairn has bit-exact equivalents.
      "exp(temperature_celsius / 10)",
      "ln(mem_bytes) + log2(mem_bytes) + log10(mem_bytes)",
      "sqrt(special_values)",
      "clamp(temperature_celsius, 19, 22)",
      "clamp_min(temperature_celsius, 21) + clamp_max(temperature_celsius, 21)",
      "sgn(temperature_celsius - 20)",
      "sin(temperature_celsius) + cos(temperature_celsius) + tanh(temperature_celsius / 50)",
      "deg(pi()) + rad(180)",
      "stale_gauge",
      "last_over_time(stale_gauge[10m])",
      "count_over_time(stale_gauge[10m])",
      "rate(special_values[5m])",
      "max_over_time(special_values[5m])",
      // errors
      "sum(",
      "rate(http_requests_total)",
      "http_requests_total[5m] + 1",
      "sum(\"x\")",
      "nofunc(up)",
      "{}",
      "{job=~\"(\"}",
      "1 and 1",
      "http_requests_total[5m:1m:1m]",
      "http_requests_total + on(job) http_requests_total",
      "up * on(job) group_left temperature_celsius",
      "http_requests_total / ignoring(code, method) http_requests_total",
      "label_replace(http_requests_total, \"code\", \"x\", \"\", \"\")",
      "label_replace(up, \"1bad\", \"$1\", \"job\", \"(.*)\")",
      "label_replace(up, \"x\", \"$1\", \"job\", \"(.*\")",
      "count_values(\"bad-label\", up)",
      "quantile_over_time(2, temperature_celsius[5m])",
      "histogram_quantile(0.9, http_requests_total)",
      "topk(\"x\", up)",
      "rate(up[5m:])",
      "up @ foo",
      "1 +",
      "http_requests_total offset 1x");

  private static boolean ordered(String q) {
    return q.startsWith("sort(") || q.startsWith("sort_desc(");
  }

  // ---------------------------------------------------------------------------------------------
  // Comparison

  private void compare(String what, String query, int prom, int ours, String pathAndQuery) throws Exception {
    compared++;
    HttpResponse<String> t = get(prom, pathAndQuery);
    HttpResponse<String> o = get(ours, pathAndQuery);
    String diff = diff(query, t, o);
    if (diff != null) {
      mismatches.add(what + " " + query + "\n    " + pathAndQuery + "\n    " + diff);
    } else if (t.body().contains("\"result\":[{") || t.body().contains("\"data\":[\"") || t.body().contains("\"data\":[{")) {
      nonEmpty++;
    }
  }

  private static String diff(String query, HttpResponse<String> theirs, HttpResponse<String> ours) throws IOException {
    if (theirs.statusCode() != ours.statusCode()) {
      return "status " + ours.statusCode() + " != " + theirs.statusCode() + "\n    prometheus: " + cut(theirs.body())
          + "\n    cairn:      " + cut(ours.body());
    }
    JsonNode t = JSON.readTree(theirs.body());
    JsonNode o = JSON.readTree(ours.body());
    for (String f : List.of("status", "errorType", "error", "warnings")) {
      if (!t.path(f).toString().equals(o.path(f).toString())) {
        return f + ":\n    prometheus: " + t.path(f) + "\n    cairn:      " + o.path(f);
      }
    }
    JsonNode td = t.path("data");
    JsonNode od = o.path("data");
    if (td.isArray()) { // series, labels, label values
      return td.toString().equals(od.toString()) ? null
          : "data:\n    prometheus: " + cut(td.toString()) + "\n    cairn:      " + cut(od.toString());
    }
    if (!td.path("resultType").toString().equals(od.path("resultType").toString())) {
      return "resultType " + od.path("resultType") + " != " + td.path("resultType");
    }
    JsonNode tr = td.path("result");
    JsonNode or = od.path("result");
    if (!td.path("resultType").asText().equals("vector") || ordered(query)) {
      return tr.toString().equals(or.toString()) || goMath(query) && withinUlps(tr, or) ? null : firstDifference(tr, or);
    }
    List<JsonNode> ts = new ArrayList<>();
    tr.forEach(ts::add);
    List<JsonNode> os = new ArrayList<>();
    or.forEach(os::add);
    java.util.Comparator<JsonNode> byText = java.util.Comparator.comparing(JsonNode::toString);
    ts.sort(goMath(query) ? java.util.Comparator.comparing(n -> n.path("metric").toString()) : byText);
    os.sort(goMath(query) ? java.util.Comparator.comparing(n -> n.path("metric").toString()) : byText);
    JsonNode tl = JSON.valueToTree(ts);
    JsonNode ol = JSON.valueToTree(os);
    return tl.toString().equals(ol.toString()) || goMath(query) && withinUlps(tl, ol) ? null : firstDifference(tl, ol);
  }

  /**
   * Queries whose values come from Go's math package routines that Java does not reproduce bit for
   * bit: Go's {@code math.Exp} and {@code math.Log} are amd64 assembly, its trigonometric and
   * hyperbolic functions are Cephes ports; cairn uses {@code java.lang.Math}. For these (and only
   * these) a value may differ by 4 ulps of max(1, |value|) (sums of such results may cancel, so the
   * bound is not relative to a small result); {@link #goMathUlpDifferences} counts how often.
   */
  private static final java.util.regex.Pattern GO_MATH = java.util.regex.Pattern.compile(
      "\\b(exp|ln|log2|log10|sin|cos|tan|asin|acos|atan|sinh|cosh|tanh|asinh|acosh|atanh)\\(");

  private static int goMathUlpDifferences;

  private static boolean goMath(String query) {
    return GO_MATH.matcher(query).find();
  }

  /** Same structure and text, except value strings within 4 ulps of max(1, |value|) of each other. */
  private static boolean withinUlps(JsonNode t, JsonNode o) {
    if (t.isTextual() && o.isTextual() && !t.asText().equals(o.asText())) {
      try {
        double a = Double.parseDouble(t.asText());
        double b = Double.parseDouble(o.asText());
        boolean close = Math.abs(a - b) <= 4 * Math.ulp(Math.max(1.0, Math.max(Math.abs(a), Math.abs(b))));
        if (close) {
          goMathUlpDifferences++;
        }
        return close;
      } catch (NumberFormatException e) {
        return false;
      }
    }
    if (t.isContainerNode() || o.isContainerNode()) {
      if (t.getNodeType() != o.getNodeType() || t.size() != o.size()) {
        return false;
      }
      if (t.isObject()) {
        var names = t.fieldNames();
        while (names.hasNext()) {
          String n = names.next();
          if (!o.has(n) || !withinUlps(t.get(n), o.get(n))) {
            return false;
          }
        }
        return true;
      }
      for (int i = 0; i < t.size(); i++) {
        if (!withinUlps(t.get(i), o.get(i))) {
          return false;
        }
      }
      return true;
    }
    return t.equals(o);
  }

  private static String firstDifference(JsonNode t, JsonNode o) {
    if (t.size() != o.size() || !t.isArray()) {
      return "result sizes " + o.size() + " != " + t.size() + "\n    prometheus: " + cut(t.toString()) + "\n    cairn:      "
          + cut(o.toString());
    }
    for (int i = 0; i < t.size(); i++) {
      if (!t.get(i).toString().equals(o.get(i).toString())) {
        String a = t.get(i).toString();
        String b = o.get(i).toString();
        int p = 0;
        while (p < Math.min(a.length(), b.length()) && a.charAt(p) == b.charAt(p)) {
          p++;
        }
        int from = Math.max(0, p - 150);
        return "element " + i + " differs at char " + p + "\n    prometheus: …" + cut(a.substring(from))
            + "\n    cairn:      …" + cut(b.substring(from));
      }
    }
    return null;
  }

  private static String cut(String s) {
    return s.length() > 400 ? s.substring(0, 400) + "…" : s;
  }

  private record Run(int exit, String out) {}

  private Run promtool(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("promtool", "query"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), out);
  }

  /** promtool against both; {@code args} holds "SERVER" where the server URL goes. */
  private void comparePromtool(boolean orderMatters, int prom, int ours, String... args) throws Exception {
    compared++;
    String[] t = args.clone();
    String[] o = args.clone();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("SERVER")) {
        t[i] = "http://127.0.0.1:" + prom;
        o[i] = "http://127.0.0.1:" + ours;
      }
    }
    Run theirs = promtool(t);
    Run mine = promtool(o);
    String to = orderMatters ? theirs.out : sortedLines(theirs.out);
    String oo = orderMatters ? mine.out : sortedLines(mine.out);
    if (theirs.exit != mine.exit || !to.equals(oo)) {
      mismatches.add("promtool query " + String.join(" ", args) + "\n    exit " + mine.exit + " vs " + theirs.exit
          + "\n    prometheus: " + cut(theirs.out) + "\n    cairn:      " + cut(mine.out));
    } else if (!theirs.out.isBlank()) {
      nonEmpty++;
    }
  }

  private static String sortedLines(String s) {
    List<String> lines = new ArrayList<>(s.lines().toList());
    lines.sort(null);
    return String.join("\n", lines);
  }

  // ---------------------------------------------------------------------------------------------

  @Test
  void cairnAnswersPromqlAsPrometheus() throws Exception {
    long wall = System.currentTimeMillis();
    long endMs = (wall - 60_000) / STEP_MS * STEP_MS;
    long startMs = endMs - (POINTS - 1) * STEP_MS;
    List<TimeSeries> data = dataSet(startMs);

    Path empty = tmp.resolve("empty.yml");
    Files.writeString(empty, "scrape_configs: []\n");
    int prom = Peers.freePort();
    procs.start("prometheus", "--web.enable-remote-write-receiver",
        "--storage.tsdb.path=" + tmp.resolve("prom-data"), "--web.listen-address=127.0.0.1:" + prom,
        "--config.file=" + empty);
    int ours = Peers.freePort();
    CairnProcess cairn = procs.cairn("monitor", "--data-dir", tmp.resolve("cairn").toString(), "--admin-address", "127.0.0.1:0",
        "--web.listen-address", "127.0.0.1:" + ours, "--config.file", empty.toString());
    cairn.awaitAdminUrl(Duration.ofSeconds(60));
    await().atMost(Duration.ofSeconds(30)).until(() -> status("http://127.0.0.1:" + ours + "/-/ready") == 200
        && status("http://127.0.0.1:" + prom + "/-/ready") == 200);
    write(prom, data, startMs);
    write(ours, data, startMs);
    String count = "/api/v1/query?query=" + enc("count({__name__=~\".+\"})") + "&time=" + secs(endMs);
    assertThat(get(prom, count).body()).contains("\"" + (data.size() - 1) + "\"]"); // stale_gauge{job="batch"} is stale
    assertThat(get(ours, count).body()).isEqualTo(get(prom, count).body());

    long mid = startMs + 3_600_000 + 7_000;
    long early = startMs + 125_000;
    long[] instants = {endMs, endMs - 1_800_500, early, startMs + STALE_AT * STEP_MS + 60_000, endMs + 200_000};
    // {start, end, step}: steps dividing the range and not, fractional ones, a duration
    String[][] ranges = {
        {secs(endMs - 3_600_000), secs(endMs), "60"},
        {secs(startMs), secs(endMs - 100_000), "137"},
        {secs(endMs - 601_300), secs(endMs + 30_000), "15.5"},
        {secs(mid - 300_000), secs(mid + 300_000), "1m"},
    };
    int queries = 0;
    for (String raw : QUERIES) {
      String query = raw.replace("{MID}", secs(mid)).replace("{EARLY}", secs(early));
      queries++;
      for (long t : instants) {
        compare("instant@" + secs(t), query, prom, ours, "/api/v1/query?query=" + enc(query) + "&time=" + secs(t));
      }
      for (String[] r : ranges) {
        compare("range " + String.join(",", r), query, prom, ours,
            "/api/v1/query_range?query=" + enc(query) + "&start=" + r[0] + "&end=" + r[1] + "&step=" + r[2]);
      }
    }
    // series, labels and label values, with and without match[] and time bounds
    String window = "&start=" + secs(endMs - 600_000) + "&end=" + secs(endMs);
    String staleWindow = "&start=" + secs(startMs + (STALE_AT + 100) * STEP_MS) + "&end=" + secs(endMs);
    for (String p : List.of(
        "/api/v1/series?match[]=" + enc("http_requests_total{job=\"api\",code=\"500\"}"),
        "/api/v1/series?match[]=" + enc("up") + "&match[]=" + enc("build_info{version=~\"1.1.*\"}") + window,
        "/api/v1/series?match[]=" + enc("stale_gauge") + staleWindow,
        "/api/v1/series?match[]=" + enc("{__name__=~\"special.*\"}"),
        "/api/v1/series?match[]=" + enc("sum(up)"),
        "/api/v1/series",
        "/api/v1/labels",
        "/api/v1/labels?match[]=" + enc("special_values") + window,
        "/api/v1/labels?match[]=" + enc("{job=\"api\"}"),
        "/api/v1/label/__name__/values",
        "/api/v1/label/le/values",
        "/api/v1/label/instance/values?match[]=" + enc("up{job=\"db\"}") + window,
        "/api/v1/label/job/values?" + staleWindow.substring(1),
        "/api/v1/label/nope/values")) {
      compare("lookup", p, prom, ours, p);
    }
    // the real promtool
    String t1 = secs(endMs);
    String t2 = secs(mid);
    for (String q : List.of("temperature_celsius", "rate(http_requests_total{job=\"web\"}[5m])", "sum by (job) (mem_bytes)",
        "special_values", "scalar(sum(up))", "\"str\"", "histogram_quantile(0.9, sum by (le) (rate(request_duration_seconds_bucket[5m])))",
        "http_requests_total[1m]", "sum(", "http_requests_total + on(job) http_requests_total")) {
      comparePromtool(false, prom, ours, "instant", "SERVER", q, "--time=" + t1);
      comparePromtool(false, prom, ours, "instant", "-o", "json", "SERVER", q, "--time=" + t2);
    }
    comparePromtool(true, prom, ours, "instant", "SERVER", "sort_desc(temperature_celsius)", "--time=" + t2);
    for (String q : List.of("sum by (job) (rate(http_requests_total[5m]))", "special_values", "deriv(temperature_celsius[10m])",
        "time()", "up[5m]")) {
      comparePromtool(true, prom, ours, "range", "SERVER", q, "--start=" + secs(endMs - 1_800_000), "--end=" + t1, "--step=90s");
      comparePromtool(true, prom, ours, "range", "-o", "json", "SERVER", q, "--start=" + secs(startMs), "--end=" + t2,
          "--step=7m");
    }
    comparePromtool(true, prom, ours, "series", "SERVER", "--match=up{job=\"api\"}", "--match=special_values");
    comparePromtool(true, prom, ours, "series", "SERVER", "--match=stale_gauge", "--start=" + secs(endMs - 600_000), "--end=" + t1);
    comparePromtool(true, prom, ours, "series", "-o", "json", "SERVER", "--match=build_info");
    comparePromtool(true, prom, ours, "labels", "SERVER", "__name__");
    comparePromtool(true, prom, ours, "labels", "SERVER", "instance", "--match=up{job=\"web\"}");
    comparePromtool(true, prom, ours, "labels", "-o", "json", "SERVER", "kind", "--start=" + secs(endMs - 600_000), "--end=" + t1);

    String report = "PromqlDifferentialIT: " + queries + " PromQL expressions, " + compared + " comparisons, "
        + (compared - mismatches.size()) + " equal (" + nonEmpty + " of them non-empty; " + goMathUlpDifferences
        + " values of Go-math functions within 4 ulps), " + mismatches.size() + " different\n"
        + String.join("\n", mismatches);
    System.out.println(report);
    Path target = Path.of("target");
    if (Files.isDirectory(target)) {
      Files.writeString(target.resolve("promql-differential.txt"), report);
    }
    assertThat(queries).isGreaterThanOrEqualTo(80);
    assertThat(nonEmpty).as("comparisons with a non-empty answer").isGreaterThan(compared / 2);
    assertThat(mismatches).as(report).isEmpty();
  }
}
