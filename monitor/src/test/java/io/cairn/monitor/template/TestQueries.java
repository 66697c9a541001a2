package io.cairn.monitor.template;

import io.cairn.promql.engine.Engine;
import io.cairn.promql.engine.EngineOptions;
import io.cairn.promql.engine.Value;
import io.cairn.promql.parser.Parser;
import io.cairn.promql.storage.ArraySeries;
import io.cairn.promql.storage.Queryable;
import io.cairn.promql.storage.Series;
import io.cairn.tsdb.model.Label;
import io.cairn.tsdb.model.Labels;
import io.cairn.tsdb.model.Sample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The series the promtool tests of this package load ({@code up{job="j",instance="h:9090"} 1},
 * {@code m{a="x",b="2"} 0.25}, {@code m{a="y",b="1"} 7}, at 0, 1m and 2m), queried with cairn's
 * PromQL engine as the rules manager queries for the template function {@code query}.
 */
final class TestQueries {
  static final long EVAL_MS = 60_000;
  static final Map<String, String> ALERT_LABELS = Map.of("__name__", "up", "instance", "h:9090", "job", "j");
  /** The series as promtool's input_series. */
  static final Map<String, String> INPUT = new LinkedHashMap<>();

  static {
    INPUT.put("up{job=\"j\",instance=\"h:9090\"}", "1 1 1");
    INPUT.put("m{a=\"x\",b=\"2\"}", "0.25 0.25 0.25");
    INPUT.put("m{a=\"y\",b=\"1\"}", "7 7 7");
  }

  private static final Engine ENGINE = new Engine(EngineOptions.defaults());
  private static final List<Series> SERIES = List.of(
      series(Labels.of("__name__", "up", "instance", "h:9090", "job", "j"), 1),
      series(Labels.of("__name__", "m", "a", "x", "b", "2"), 0.25),
      series(Labels.of("__name__", "m", "a", "y", "b", "1"), 7));
  private static final Queryable STORAGE = (mint, maxt, matchers) -> SERIES.stream()
      .filter(s -> matchers.stream().allMatch(m -> m.matches(s.labels())))
      .toList();

  private TestQueries() {}

  private static Series series(Labels labels, double v) {
    return new ArraySeries(labels, List.of(new Sample(0, v), new Sample(60_000, v), new Sample(120_000, v)));
  }

  /** Runs {@code expr} as Prometheus's {@code EngineQueryFunc}: vectors as they are, scalars as one sample. */
  static List<AlertTemplates.QuerySample> query(String expr, long timeMillis) throws Exception {
    Value v = ENGINE.instant(STORAGE, Parser.parse(expr), timeMillis);
    List<AlertTemplates.QuerySample> out = new ArrayList<>();
    switch (v) {
      case Value.Vector vec -> vec.samples().forEach(s -> out.add(new AlertTemplates.QuerySample(map(s.labels()), s.v())));
      case Value.Scalar s -> out.add(new AlertTemplates.QuerySample(Map.of(), s.v()));
      default -> throw new Exception("rule result is not a vector or scalar");
    }
    return out;
  }

  private static Map<String, String> map(Labels labels) {
    Map<String, String> m = new TreeMap<>();
    for (Label l : labels) {
      m.put(l.name(), l.value());
    }
    return m;
  }

  /** The context promtool's alert {@code up > 0} sees at 1m (no external URL or labels). */
  static AlertTemplates.Context alertContext() {
    return new AlertTemplates.Context(ALERT_LABELS, Map.of(), null, 1, EVAL_MS, TestQueries::query);
  }
}
