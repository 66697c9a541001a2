package io.cairn.monitor.web;

import com.sun.net.httpserver.HttpExchange;
import io.cairn.common.text.GoJson;
import io.cairn.tsdb.chunkenc.CorruptChunkException;
import io.cairn.tsdb.model.Labels;
import io.cairn.tsdb.model.Matcher;
import io.cairn.tsdb.model.Sample;
import io.cairn.tsdb.storage.ChunkQuerier;
import io.cairn.tsdb.storage.ChunkSeries;
import io.cairn.tsdb.storage.SeriesSamples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The read side available before PromQL (issue 5): Prometheus's {@code /api/v1/series}, {@code
 * /api/v1/labels}, {@code /api/v1/label/<name>/values}, and {@code /api/v1/query} for a bare series
 * selector (instant vector, 5 min lookback, stale series left out) or a range selector {@code
 * sel[d]} (a matrix of the raw samples in {@code (time-d, time]}), in Prometheus's JSON. {@code
 * /api/v1/export} dumps raw samples as VictoriaMetrics does, one JSON object per series per line,
 * stale markers included (as the value string {@code "StaleNaN"}).
 */
final class ReadApi {
  static final long LOOKBACK_MS = 5 * 60 * 1000L;
  /** Most series one read answers; more is refused with 400 bad_data. */
  static final int MAX_SERIES = 100_000;

  private final ChunkQuerier querier;
  private final LongSupplier clock;

  ReadApi(ChunkQuerier querier, LongSupplier clock) {
    this.querier = querier;
    this.clock = clock;
  }

  /** A request parameter that is missing or malformed: 400 bad_data. */
  static final class BadData extends Exception {
    BadData(String message) {
      super(message, null, false, false);
    }
  }

  void handle(HttpExchange ex, String path, Map<String, List<String>> params) throws IOException {
    try {
      if (path.equals("/api/v1/query")) {
        query(ex, params);
      } else if (path.equals("/api/v1/series")) {
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
    } catch (BadData | SelectorParser.BadSelector e) {
      Exchanges.json(ex, 400, PromJson.error("bad_data", e.getMessage()));
    } catch (CorruptChunkException e) {
      Exchanges.json(ex, 500, PromJson.error("internal", "corrupt chunk: " + e.getMessage()));
    }
  }

  private void query(HttpExchange ex, Map<String, List<String>> params) throws IOException, BadData, SelectorParser.BadSelector, CorruptChunkException {
    String q = Exchanges.first(params, "query");
    if (q == null) {
      throw new BadData("invalid parameter \"query\": query is empty");
    }
    long t = time(params, "time", clock.getAsLong());
    SelectorParser.Selector sel = SelectorParser.parse(q);
    StringBuilder sb = new StringBuilder("{\"status\":\"success\",\"data\":{\"resultType\":");
    if (sel.rangeMs() > 0) {
      sb.append("\"matrix\",\"result\":[");
      boolean first = true;
      for (ChunkSeries cs : select(t - sel.rangeMs() + 1, t, sel.matchers())) {
        List<Sample> samples = withoutStale(SeriesSamples.samples(cs, t - sel.rangeMs() + 1, t));
        if (samples.isEmpty()) {
          continue;
        }
        sb.append(first ? "" : ",").append("{\"metric\":");
        first = false;
        PromJson.labels(cs.labels(), sb);
        sb.append(",\"values\":[");
        for (int i = 0; i < samples.size(); i++) {
          point(samples.get(i).t(), samples.get(i).v(), i > 0, sb);
        }
        sb.append("]}");
      }
    } else {
      sb.append("\"vector\",\"result\":[");
      boolean first = true;
      for (ChunkSeries cs : select(t - LOOKBACK_MS + 1, t, sel.matchers())) {
        List<Sample> samples = SeriesSamples.samples(cs, t - LOOKBACK_MS + 1, t);
        if (samples.isEmpty() || samples.getLast().isStale()) {
          continue;
        }
        sb.append(first ? "" : ",").append("{\"metric\":");
        first = false;
        PromJson.labels(cs.labels(), sb);
        sb.append(",\"value\":");
        point(t, samples.getLast().v(), false, sb);
        sb.append('}');
      }
    }
    Exchanges.json(ex, 200, sb.append("]}}").toString());
  }

  private static List<Sample> withoutStale(List<Sample> samples) {
    return samples.stream().filter(s -> !s.isStale()).toList();
  }

  private static void point(long t, double v, boolean comma, StringBuilder sb) {
    sb.append(comma ? ",[" : "[");
    PromJson.timestamp(t, sb);
    sb.append(',');
    PromJson.value(v, sb);
    sb.append(']');
  }

  private void series(HttpExchange ex, Map<String, List<String>> params) throws IOException, BadData, SelectorParser.BadSelector {
    List<String> match = params.getOrDefault("match[]", List.of());
    if (match.isEmpty()) {
      throw new BadData("no match[] parameter provided");
    }
    long start = time(params, "start", Long.MIN_VALUE);
    long end = time(params, "end", Long.MAX_VALUE);
    java.util.TreeSet<Labels> found = new java.util.TreeSet<>();
    for (String m : match) {
      for (ChunkSeries cs : select(start, end, SelectorParser.parse(m).matchers())) {
        found.add(cs.labels());
      }
    }
    StringBuilder sb = new StringBuilder("{\"status\":\"success\",\"data\":[");
    boolean first = true;
    for (Labels l : found) {
      sb.append(first ? "" : ",");
      first = false;
      PromJson.labels(l, sb);
    }
    Exchanges.json(ex, 200, sb.append("]}").toString());
  }

  private void labels(HttpExchange ex, Map<String, List<String>> params) throws IOException, BadData {
    strings(ex, querier.labelNames(time(params, "start", Long.MIN_VALUE), time(params, "end", Long.MAX_VALUE)));
  }

  private void values(HttpExchange ex, String name, Map<String, List<String>> params) throws IOException, BadData {
    if (!name.matches("[a-zA-Z_][a-zA-Z0-9_]*")) {
      throw new BadData("invalid label name: " + io.cairn.common.text.GoStrings.quote(name));
    }
    strings(ex, querier.labelValues(name, time(params, "start", Long.MIN_VALUE), time(params, "end", Long.MAX_VALUE)));
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

  private void export(HttpExchange ex, Map<String, List<String>> params) throws IOException, BadData, SelectorParser.BadSelector, CorruptChunkException {
    List<String> match = params.getOrDefault("match[]", List.of());
    if (match.isEmpty()) {
      throw new BadData("missing `match[]` query arg");
    }
    long start = time(params, "start", Long.MIN_VALUE);
    long end = time(params, "end", Long.MAX_VALUE);
    StringBuilder sb = new StringBuilder();
    for (String m : match) {
      for (ChunkSeries cs : select(start, end, SelectorParser.parse(m).matchers())) {
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

  private List<ChunkSeries> select(long mint, long maxt, List<Matcher> matchers) throws IOException, BadData {
    List<ChunkSeries> out = querier.select(mint, maxt, matchers);
    if (out.size() > MAX_SERIES) {
      throw new BadData("the selection matches " + out.size() + " series, more than the limit of " + MAX_SERIES);
    }
    return out;
  }

  /** Prometheus's time parameter: Unix seconds (with a fraction) or RFC 3339. */
  static long time(Map<String, List<String>> params, String name, long dflt) throws BadData {
    String v = Exchanges.first(params, name);
    if (v == null || v.isEmpty()) {
      return dflt;
    }
    try {
      double sec = Double.parseDouble(v);
      if (!Double.isFinite(sec) || Math.abs(sec) > 9.2e15) {
        throw new BadData("invalid parameter \"" + name + "\": cannot parse \"" + v + "\" to a valid timestamp");
      }
      return Math.round(sec * 1000);
    } catch (NumberFormatException e) {
      try {
        return OffsetDateTime.parse(v).toInstant().toEpochMilli();
      } catch (DateTimeParseException e2) {
        throw new BadData("invalid parameter \"" + name + "\": cannot parse \"" + v + "\" to a valid timestamp");
      }
    }
  }
}
