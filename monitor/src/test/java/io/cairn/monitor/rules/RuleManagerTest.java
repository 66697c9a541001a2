package io.cairn.monitor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.promql.engine.Engine;
import io.cairn.promql.engine.EngineOptions;
import io.cairn.tsdb.db.Db;
import io.cairn.tsdb.db.DbOptions;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading and reloading: groups, defaults, refused reloads that change nothing. */
class RuleManagerTest {
  @TempDir Path dir;

  @Test
  void reloadKeepsTheOldRulesWhenAFileIsRefused() throws Exception {
    Path rules = dir.resolve("rules.yml");
    Files.writeString(rules, """
        groups:
          - name: b
            rules: [{record: x, expr: vector(1)}]
          - name: a
            interval: 30s
            limit: 2
            rules: [{alert: A, expr: vector(1) > 0, for: 5m, labels: {s: p}}]
        """);
    try (Db db = Db.open(dir.resolve("data"), DbOptions.defaults());
        RuleManager m = new RuleManager(new Engine(EngineOptions.defaults()), db, db, new PrometheusRegistry(),
            AlertSender.NONE, RuleManager.Settings.DEFAULTS)) {
      m.update(List.of(dir + "/*.yml"), 60_000, Map.of(), "http://x");
      List<RuleGroupInfo> groups = m.groups();
      assertThat(groups).extracting(RuleGroupInfo::name).containsExactly("a", "b");
      assertThat(groups.get(0).intervalSeconds()).isEqualTo(30);
      assertThat(groups.get(0).limit()).isEqualTo(2);
      assertThat(groups.get(1).intervalSeconds()).as("the global evaluation_interval").isEqualTo(60);
      assertThat(groups.get(0).rules()).singleElement().isInstanceOfSatisfying(RuleInfo.Alerting.class, a -> {
        assertThat(a.durationSeconds()).isEqualTo(300);
        assertThat(a.labels()).containsEntry("s", "p");
        assertThat(a.health()).isEqualTo(RuleHealth.UNKNOWN);
        assertThat(a.query()).isEqualTo("vector(1) > 0");
      });

      Files.writeString(rules, "groups:\n  - name: a\n    rules: [{record: 'bad name', expr: up}]\n");
      assertThatThrownBy(() -> m.update(List.of(rules.toString()), 60_000, Map.of(), "http://x"))
          .isInstanceOf(RuleFileException.class)
          .hasMessage(rules + ": 3:22: group \"a\", rule 1, \"bad name\": invalid recording rule name: bad name");
      assertThat(m.groups()).extracting(RuleGroupInfo::name).containsExactly("a", "b");

      Files.writeString(rules, "groups: []\n");
      m.update(List.of(rules.toString()), 60_000, Map.of(), "http://x");
      assertThat(m.groups()).isEmpty();
      assertThat(m.alerts()).isEmpty();
    }
  }

  @Test
  void aRemovedGroupsSeriesAreMarkedStaleAtTheTimeItStopped() throws Exception {
    Path rules = dir.resolve("rules.yml");
    Files.writeString(rules, "groups:\n  - name: g\n    interval: 100ms\n    rules: [{record: x, expr: vector(1)}]\n");
    try (Db db = Db.open(dir.resolve("data"), DbOptions.defaults());
        RuleManager m = new RuleManager(new Engine(EngineOptions.defaults()), db, db, new PrometheusRegistry(),
            AlertSender.NONE, RuleManager.Settings.DEFAULTS)) {
      m.update(List.of(rules.toString()), 60_000, Map.of(), "http://x");
      awaitSamples(db, s -> !s.isEmpty());
      Files.writeString(rules, "groups: []\n");
      m.update(List.of(rules.toString()), 60_000, Map.of(), "http://x");
      long removed = System.currentTimeMillis();
      List<io.cairn.tsdb.model.Sample> s = awaitSamples(db, l -> l.getLast().isStale());
      // as Prometheus: stamped when the group stopped, so that a renamed rule's newer samples of the
      // same series (written meanwhile) are not interrupted by a stale marker
      assertThat(s.getLast().t()).isLessThanOrEqualTo(removed);
    }
  }

  @Test
  void emptyAnnotationsAreKeptAsPrometheusDoes() throws Exception {
    Path rules = dir.resolve("rules.yml");
    Files.writeString(rules, """
        groups:
          - name: g
            interval: 100ms
            rules:
              - alert: A
                expr: vector(1)
                annotations: {summary: '', d: '{{ $labels.nope }}', x: y}
        """);
    try (Db db = Db.open(dir.resolve("data"), DbOptions.defaults());
        RuleManager m = new RuleManager(new Engine(EngineOptions.defaults()), db, db, new PrometheusRegistry(),
            AlertSender.NONE, RuleManager.Settings.DEFAULTS)) {
      m.update(List.of(rules.toString()), 60_000, Map.of(), "http://x");
      assertThat(m.groups().getFirst().rules().getFirst()).isInstanceOfSatisfying(RuleInfo.Alerting.class, a ->
          assertThat(a.annotations()).containsExactly(Map.entry("d", "{{ $labels.nope }}"), Map.entry("summary", ""),
              Map.entry("x", "y")));
      for (int i = 0; i < 500 && m.alerts().isEmpty(); i++) {
        Thread.sleep(20);
      }
      assertThat(m.alerts()).singleElement().satisfies(a ->
          assertThat(a.annotations()).containsExactly(Map.entry("d", ""), Map.entry("summary", ""), Map.entry("x", "y")));
    }
  }

  private static List<io.cairn.tsdb.model.Sample> awaitSamples(Db db,
      java.util.function.Predicate<List<io.cairn.tsdb.model.Sample>> done) throws Exception {
    for (int i = 0; i < 500; i++) {
      List<io.cairn.tsdb.model.Sample> out = new java.util.ArrayList<>();
      for (io.cairn.tsdb.storage.ChunkSeries s : db.select(0, Long.MAX_VALUE,
          List.of(io.cairn.tsdb.model.Matcher.of(io.cairn.tsdb.model.Matcher.Type.EQUAL, "__name__", "x")))) {
        out.addAll(io.cairn.tsdb.storage.SeriesSamples.samples(s, 0, Long.MAX_VALUE));
      }
      if (done.test(out)) {
        return out;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the condition never held");
  }
}
