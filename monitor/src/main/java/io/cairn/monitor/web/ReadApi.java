package io.cairn.monitor.web;

import com.sun.net.httpserver.HttpExchange;
import io.cairn.common.text.GoJson;
import io.cairn.common.text.GoStrings;
import io.cairn.tsdb.chunkenc.CorruptChunkException;
import io.cairn.tsdb.model.Labels;
import io.cairn.tsdb.model.Matcher;
import io.cairn.tsdb.model.Sample;
import io.cairn.tsdb.storage.ChunkQuerier;
import io.cairn.tsdb.storage.ChunkSeries;
import io.cairn.tsdb.storage.SeriesSamples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Series metadata reads, as Prometheus 2.42's v1 API: {@code /api/v1/series} ({@code match[]}
 * required), {@code /api/v1/labels} and {@code /api/v1/label/<name>/values} (optionally narrowed by
 * {@code match[]}), each with {@code start}/{@code end}. {@code /api/v1/export} dumps raw samples as
 * VictoriaMetrics does, one JSON object per series per line, stale markers included (as the value
 * string {@code "StaleNaN"}).
 */
final class ReadApi {
  /** Most series one read answers; more is refused with 400 bad_data. */
  static final int MAX_SERIES = 100_000;

  private final ChunkQuerier querier;

  ReadApi(ChunkQuerier querier) {
    this.querier = querier;
  }

  void handle(HttpExchange ex, String path, Map<String, List<String>> params) throws IOException {
    try {
      if (path.equals("/api/v1/series")) {
        series(ex, params);
      } else if (path.equals("/api/v1/labels")) {
        labels(ex, params);
      } else if (path.startsWith("/api/v1/label/") && path.endsWith("/values")) {
        values(ex, path.substring("/api/v1/label/".length(), path.length() - "/values".length()), params);
      } else if (path.equals("/api/v1/export")) {
        export(ex, params);
      } else {
        Exchanges.json(ex, 404, PromJson.error("not_found", "no such API endpoint: " + path));
      }
    } catch (ApiParams.BadData e) {
      Exchanges.json(ex, 400, PromJson.error("bad_data", e.getMessage()));
    } catch (CorruptChunkException e) {
      Exchanges.json(ex, 500, PromJson.error("internal", "corrupt chunk: " + e.getMessage()));
    }
  }

  private void series(HttpExchange ex, Map<String, List<String>> params) throws IOException, ApiParams.BadData {
    if (params.getOrDefault("match[]", List.of()).isEmpty()) {
      throw new ApiParams.BadData("no match[] parameter provided");
    }
    long start = ApiParams.time(params, "start", Long.MIN_VALUE);
    long end = ApiParams.time(params, "end", Long.MAX_VALUE);
    TreeSet<Labels> found = matching(start, end, ApiParams.matchers(params));
    StringBuilder sb = new StringBuilder("{\"status\":\"success\",\"data\":[");
    boolean first = true;
    for (Labels l : found) {
      sb.append(first ? "" : ",");
      first = false;
      PromJson.labels(l, sb);
    }
    Exchanges.json(ex, 200, sb.append("]}").toString());
  }

  /** Label names, of every series or (with {@code match[]}) of the matching ones. */
  private void labels(HttpExchange ex, Map<String, List<String>> params) throws IOException, ApiParams.BadData {
    long start = ApiParams.time(params, "start", Long.MIN_VALUE);
    long end = ApiParams.time(params, "end", Long.MAX_VALUE);
    List<List<Matcher>> sets = ApiParams.matchers(params);
    if (sets.isEmpty()) {
      strings(ex, querier.labelNames(start, end));
      return;
    }
    TreeSet<String> names = new TreeSet<>();
    for (Labels l : matching(start, end, sets)) {
      l.forEach(label -> names.add(label.name()));
    }
    strings(ex, List.copyOf(names));
  }

  /** Values of one label, over every series or (with {@code match[]}) the matching ones. */
  private void values(HttpExchange ex, String name, Map<String, List<String>> params) throws IOException, ApiParams.BadData {
    if (!name.matches("[a-zA-Z_][a-zA-Z0-9_]*")) {
      throw new ApiParams.BadData("invalid label name: " + GoStrings.quote(name));
    }
    long start = ApiParams.time(params, "start", Long.MIN_VALUE);
    long end = ApiParams.time(params, "end", Long.MAX_VALUE);
    List<List<Matcher>> sets = ApiParams.matchers(params);
    if (sets.isEmpty()) {
      strings(ex, querier.labelValues(name, start, end));
      return;
    }
    TreeSet<String> values = new TreeSet<>();
    for (Labels l : matching(start, end, sets)) {
      String v = l.get(name);
      if (v != null && !v.isEmpty()) {
        values.add(v);
      }
    }
    strings(ex, List.copyOf(values));
  }

  private TreeSet<Labels> matching(long start, long end, List<List<Matcher>> sets) throws IOException, ApiParams.BadData {
    TreeSet<Labels> found = new TreeSet<>();
    for (List<Matcher> set : sets) {
      for (ChunkSeries cs : select(start, end, set)) {
        found.add(cs.labels());
      }
    }
    return found;
  }

  private static void strings(HttpExchange ex, List<String> values) throws IOException {
    StringBuilder sb = new StringBuilder("{\"status\":\"success\",\"data\":[");
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      GoJson.appendJson(values.get(i), sb);
    }
    Exchanges.json(ex, 200, sb.append("]}").toString());
  }

  private void export(HttpExchange ex, Map<String, List<String>> params) throws IOException, ApiParams.BadData, CorruptChunkException {
    if (params.getOrDefault("match[]", List.of()).isEmpty()) {
      throw new ApiParams.BadData("missing `match[]` query arg");
    }
    long start = ApiParams.time(params, "start", Long.MIN_VALUE);
    long end = ApiParams.time(params, "end", Long.MAX_VALUE);
    StringBuilder sb = new StringBuilder();
    for (List<Matcher> set : ApiParams.matchers(params)) {
      for (ChunkSeries cs : select(start, end, set)) {
        List<Sample> samples = SeriesSamples.samples(cs, start, end);
        if (samples.isEmpty()) {
          continue;
        }
        sb.append("{\"metric\":");
        PromJson.labels(cs.labels(), sb);
        sb.append(",\"values\":[");
        for (int i = 0; i < samples.size(); i++) {
          Sample s = samples.get(i);
          sb.append(i > 0 ? "," : "");
          if (s.isStale()) {
            sb.append("\"StaleNaN\"");
          } else if (Double.isFinite(s.v())) {
            sb.append(PromJson.formatFloat(s.v()));
          } else {
            sb.append('"').append(PromJson.formatFloat(s.v())).append('"');
          }
        }
        sb.append("],\"timestamps\":[");
        for (int i = 0; i < samples.size(); i++) {
          sb.append(i > 0 ? "," : "").append(samples.get(i).t());
        }
        sb.append("]}\n");
      }
    }
    Exchanges.send(ex, 200, "application/stream+json", sb.toString().getBytes(StandardCharsets.UTF_8));
  }

  private List<ChunkSeries> select(long mint, long maxt, List<Matcher> matchers) throws IOException, ApiParams.BadData {
    List<ChunkSeries> out = querier.select(mint, maxt, matchers);
    if (out.size() > MAX_SERIES) {
      throw new ApiParams.BadData("the selection matches " + out.size() + " series, more than the limit of " + MAX_SERIES);
    }
    return out;
  }
}
