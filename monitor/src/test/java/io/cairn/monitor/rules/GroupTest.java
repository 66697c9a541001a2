package io.cairn.monitor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.promql.engine.Sample;
import io.cairn.promql.parser.Parser;
import io.cairn.tsdb.db.Db;
import io.cairn.tsdb.db.DbOptions;
import io.cairn.tsdb.model.Labels;
import io.cairn.tsdb.model.Matcher;
import io.cairn.tsdb.storage.ChunkSeries;
import io.cairn.tsdb.storage.SeriesSamples;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Group evaluation against a real storage: appended samples, stale markers, failures, reload state. */
class GroupTest {
  private static final long T0 = 1_700_000_000_000L;

  @TempDir Path dir;
  private Db db;
  private final List<Sample> result = new ArrayList<>();
  private final QueryFunc query = (expr, t) -> result.stream().map(s -> new Sample(s.labels(), t, s.v())).toList();

  @BeforeEach
  void open() throws Exception {
    db = Db.open(dir, DbOptions.defaults());
  }

  @AfterEach
  void close() throws Exception {
    db.close();
  }

  private Group group(Rule... rules) {
    GroupSpec spec = new GroupSpec("g", RuleSpec.Pos.NONE, 0, 0, List.of());
    return new Group(spec, "f.yml", 15_000, List.of(rules), new GroupOptions(db, db, query, AlertSender.NONE,
        60_000, 3_600_000, 600_000, "http://x", null));
  }

  private List<io.cairn.tsdb.model.Sample> samples(String name) throws Exception {
    List<io.cairn.tsdb.model.Sample> out = new ArrayList<>();
    for (ChunkSeries s : db.select(0, Long.MAX_VALUE, List.of(Matcher.of(Matcher.Type.EQUAL, "__name__", name)))) {
      out.addAll(SeriesSamples.samples(s, 0, Long.MAX_VALUE));
    }
    return out;
  }

  @Test
  void recordingRuleAppendsRenamedSamplesAndMarksVanishedSeriesStale() throws Exception {
    RecordingRule r = new RecordingRule("job:x", Parser.parse("x"), Labels.of("team", "a"), new RuleStatus());
    Group g = group(r);
    result.add(new Sample(Labels.of("__name__", "x", "job", "j"), 0, 5));
    g.eval(T0, () -> false);
    assertThat(r.status().health()).isEqualTo(RuleHealth.OK);
    List<ChunkSeries> series = db.select(0, Long.MAX_VALUE, List.of(Matcher.of(Matcher.Type.EQUAL, "__name__", "job:x")));
    assertThat(series).singleElement().satisfies(s ->
        assertThat((Object) s.labels()).isEqualTo(Labels.of("__name__", "job:x", "job", "j", "team", "a")));
    result.clear();
    g.eval(T0 + 15_000, () -> false);
    List<io.cairn.tsdb.model.Sample> s = samples("job:x");
    assertThat(s).hasSize(2);
    assertThat(s.get(0).v()).isEqualTo(5);
    assertThat(s.get(1).t()).isEqualTo(T0 + 15_000);
    assertThat(s.get(1).isStale()).isTrue();
  }

  @Test
  void aFailingRuleIsMarkedAndTheNextOneRuns() throws Exception {
    RecordingRule dup = new RecordingRule("same", Parser.parse("x"), Labels.EMPTY, new RuleStatus());
    RecordingRule ok = new RecordingRule("one", Parser.parse("vector(1)"), Labels.EMPTY, new RuleStatus());
    result.add(new Sample(Labels.of("__name__", "x"), 0, 1));
    result.add(new Sample(Labels.of("__name__", "y"), 0, 2));
    group(dup, ok).eval(T0, () -> false);
    assertThat(dup.status().health()).isEqualTo(RuleHealth.ERR);
    assertThat(dup.status().lastError())
        .isEqualTo("vector contains metrics with the same labelset after applying rule labels");
    assertThat(ok.status().health()).isEqualTo(RuleHealth.ERR).as("the second rule got the same duplicate result");
    assertThat(dup.status().lastEvaluationMillis()).isNotEqualTo(Long.MIN_VALUE);
  }

  @Test
  void alertSeriesAreWrittenAndCopiedStateSurvivesAReload() throws Exception {
    AlertingRule a = new AlertingRule("A", Parser.parse("x > 0"), 60_000, 0, Labels.EMPTY, Map.of(), Map.of(),
        "http://x", true);
    Group g = group(a);
    result.add(new Sample(Labels.of("__name__", "x", "i", "1"), 0, 1));
    g.eval(T0, () -> false);
    assertThat(samples("ALERTS")).hasSize(1);
    assertThat(samples("ALERTS_FOR_STATE")).singleElement().satisfies(s -> assertThat(s.v()).isEqualTo(T0 / 1000));

    AlertingRule a2 = new AlertingRule("A", Parser.parse("x > 0"), 60_000, 0, Labels.EMPTY, Map.of(), Map.of(),
        "http://x", true);
    RecordingRule gone = new RecordingRule("new", Parser.parse("x"), Labels.EMPTY, new RuleStatus());
    Group g2 = group(gone, a2);
    g2.copyState(g);
    assertThat(a2.activeAlerts()).singleElement().satisfies(x -> assertThat(x.activeAt).isEqualTo(T0));
    g2.eval(T0 + 60_000, () -> false);
    assertThat(a2.state()).isEqualTo(AlertState.FIRING);
  }

  @Test
  void seriesOfARuleRemovedByReloadGetStaleMarkers() throws Exception {
    RecordingRule old = new RecordingRule("old", Parser.parse("x"), Labels.EMPTY, new RuleStatus());
    Group g = group(old);
    result.add(new Sample(Labels.of("__name__", "x"), 0, 1));
    g.eval(T0, () -> false);
    Group g2 = group();
    g2.copyState(g);
    g2.eval(T0 + 15_000, () -> false);
    List<io.cairn.tsdb.model.Sample> s = samples("old");
    assertThat(s).hasSize(2);
    assertThat(s.get(1).isStale()).isTrue();
  }

  @Test
  void restoreKeepsTheActiveTimeAcrossARestart() throws Exception {
    AlertingRule before = new AlertingRule("A", Parser.parse("x > 0"), 3_600_000, 0, Labels.EMPTY, Map.of(),
        Map.of(), "http://x", true);
    result.add(new Sample(Labels.of("__name__", "x"), 0, 1));
    Group g = group(before);
    for (long t = T0; t <= T0 + 600_000; t += 15_000) {
      g.eval(t, () -> false);
    }
    // "restart" 5 minutes after the last evaluation: a new rule, not restored, evaluated twice
    AlertingRule after = new AlertingRule("A", Parser.parse("x > 0"), 3_600_000, 0, Labels.EMPTY, Map.of(),
        Map.of(), "http://x", false);
    Group g2 = group(after);
    long restart = T0 + 900_000;
    g2.eval(restart, () -> false);
    g2.eval(restart + 15_000, () -> false);
    ForStateRestore.restore(g2, restart + 15_000);
    // pending 600 s before going down; the downtime (down at T0+600 s, restored at restart+15 s) is added
    assertThat(after.activeAlerts()).singleElement()
        .satisfies(x -> assertThat(x.activeAt).isEqualTo(T0 + (restart + 15_000 - (T0 + 600_000))));
    assertThat(after.eval(restart + 30_000, query, 0)).as("restored: writes its series").hasSize(2);
  }

  @Test
  void restoreWithinTheGracePeriodFiresAfterTheGracePeriod() throws Exception {
    AlertingRule before = new AlertingRule("A", Parser.parse("x > 0"), 900_000, 0, Labels.EMPTY, Map.of(),
        Map.of(), "http://x", true);
    result.add(new Sample(Labels.of("__name__", "x"), 0, 1));
    group(before).eval(T0, () -> false);
    group(before).eval(T0 + 600_000, () -> false); // 5 minutes left, less than the 10 minute grace period
    AlertingRule after = new AlertingRule("A", Parser.parse("x > 0"), 900_000, 0, Labels.EMPTY, Map.of(),
        Map.of(), "http://x", false);
    Group g2 = group(after);
    long ts = T0 + 700_000;
    g2.eval(ts, () -> false);
    ForStateRestore.restore(g2, ts);
    assertThat(after.activeAlerts()).singleElement()
        .satisfies(x -> assertThat(x.activeAt).isEqualTo(ts + 600_000 - 900_000));
  }
}
