package io.cairn.monitor.web;

import com.sun.net.httpserver.HttpExchange;
import io.cairn.promql.parser.ParseException;
import io.cairn.promql.parser.Parser;
import io.cairn.common.text.GoJson;
import io.cairn.monitor.scrape.ActiveTarget;
import io.cairn.monitor.scrape.MetricMetadata;
import io.cairn.tsdb.model.Labels;
import io.cairn.tsdb.model.Matcher;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Prometheus's metadata endpoints, fed by the metadata each target's scrape cache keeps (see
 * {@code ScrapeCache}).
 *
 * <p>{@code /api/v1/targets/metadata?match_target=&metric=&limit=}: one entry per target and
 * family; {@code match_target} is a series selector on the target labels. As Prometheus, {@code
 * limit} is checked before each target, so a target's entries are never cut. Pools are visited by
 * name; within a target, families by name (Prometheus's order is a map's).
 *
 * <p>{@code /api/v1/metadata?metric=&limit=}: family name to its distinct metadata over all
 * targets; {@code limit} bounds the number of families. Names sorted (Go's JSON sorts map keys).
 */
final class MetadataApi {
  private static final Comparator<MetricMetadata> ORDER = Comparator.comparing(MetricMetadata::metric)
      .thenComparing(m -> m.type().text()).thenComparing(MetricMetadata::help).thenComparing(MetricMetadata::unit);

  private final StatusSource source;

  MetadataApi(StatusSource source) {
    this.source = source;
  }

  void targetMetadata(HttpExchange ex, Map<String, List<String>> params) throws IOException {
    Integer limit = TargetsApi.limit(params);
    if (limit == null) {
      Exchanges.json(ex, 400, PromJson.error("bad_data", "limit must be a number"));
      return;
    }
    String matchTarget = Exchanges.first(params, "match_target");
    List<Matcher> matchers = List.of();
    if (matchTarget != null && !matchTarget.isEmpty()) {
      try {
        matchers = Parser.parseMetricSelector(matchTarget);
      } catch (ParseException e) {
        Exchanges.json(ex, 400, PromJson.error("bad_data", "invalid parameter \"match_target\": " + e.getMessage()));
        return;
      }
    }
    String metric = Exchanges.first(params, "metric");
    StringBuilder sb = new StringBuilder("{\"status\":\"success\",\"data\":[");
    int n = 0;
    for (List<ActiveTarget> pool : new TreeMap<>(source.activeTargets()).values()) {
      for (ActiveTarget t : pool) {
        if (limit >= 0 && n >= limit) {
          break;
        }
        Labels labels = t.target().labels();
        if (!matchers.stream().allMatch(m -> m.matches(labels))) {
          continue;
        }
        List<MetricMetadata> mds = metric == null || metric.isEmpty()
            ? t.metadata().list().stream().sorted(ORDER).toList()
            : t.metadata().get(metric).stream().toList();
        for (MetricMetadata md : mds) {
          sb.append(n++ == 0 ? "{\"target\":" : ",{\"target\":");
          PromJson.labels(labels, sb);
          if (metric == null || metric.isEmpty()) {
            sb.append(",\"metric\":");
            GoJson.appendJson(md.metric(), sb);
          }
          fields(md, sb.append(','));
          sb.append('}');
        }
      }
    }
    Exchanges.json(ex, 200, sb.append("]}").toString());
  }

  void metadata(HttpExchange ex, Map<String, List<String>> params) throws IOException {
    Integer limit = TargetsApi.limit(params);
    if (limit == null) {
      Exchanges.json(ex, 400, PromJson.error("bad_data", "limit must be a number"));
      return;
    }
    String metric = Exchanges.first(params, "metric");
    TreeMap<String, TreeSet<MetricMetadata>> byName = new TreeMap<>();
    for (List<ActiveTarget> pool : source.activeTargets().values()) {
      for (ActiveTarget t : pool) {
        List<MetricMetadata> mds = metric == null || metric.isEmpty() ? t.metadata().list()
            : t.metadata().get(metric).map(List::of).orElse(List.of());
        for (MetricMetadata md : mds) {
          byName.computeIfAbsent(md.metric(), k -> new TreeSet<>(ORDER)).add(md);
        }
      }
    }
    StringBuilder sb = new StringBuilder("{\"status\":\"success\",\"data\":{");
    int n = 0;
    for (var e : byName.entrySet()) {
      if (limit >= 0 && n >= limit) {
        break;
      }
      sb.append(n++ == 0 ? "" : ",");
      GoJson.appendJson(e.getKey(), sb);
      sb.append(":[");
      boolean first = true;
      for (MetricMetadata md : e.getValue()) {
        fields(md, sb.append(first ? "{" : ",{"));
        sb.append('}');
        first = false;
      }
      sb.append(']');
    }
    Exchanges.json(ex, 200, sb.append("}}").toString());
  }

  /** {@code "type":..,"help":..,"unit":..}, without braces. */
  private static void fields(MetricMetadata md, StringBuilder sb) {
    sb.append("\"type\":");
    GoJson.appendJson(md.type().text(), sb);
    sb.append(",\"help\":");
    GoJson.appendJson(md.help(), sb);
    sb.append(",\"unit\":");
    GoJson.appendJson(md.unit(), sb);
  }
}
