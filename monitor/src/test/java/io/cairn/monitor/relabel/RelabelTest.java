package io.cairn.monitor.relabel;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.tsdb.model.Labels;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Prometheus's model/relabel TestRelabel cases, and cairn's own for each action's edges. */
class RelabelTest {
  private static RelabelConfig.Builder rc() {
    return RelabelConfig.builder();
  }

  private static Labels run(Labels in, RelabelConfig... cs) {
    return Relabel.process(in, List.of(cs));
  }

  @Test
  void replaceWithBracedGroups() {
    Labels in = Labels.of("a", "foo", "b", "bar", "c", "baz");
    assertThat((Object) run(in, rc().sourceLabels("a").regex("f(.*)").targetLabel("d").replacement("ch${1}-ch${1}").build()))
        .isEqualTo(Labels.of("a", "foo", "b", "bar", "c", "baz", "d", "choo-choo"));
  }

  @Test
  void replaceChainsAndSeesEarlierResults() {
    Labels in = Labels.of("a", "foo", "b", "bar", "c", "baz");
    assertThat((Object) run(in,
            rc().sourceLabels("a", "b").regex("f(.*);(.*)r").targetLabel("a").replacement("b${1}${2}m").build(),
            rc().sourceLabels("c", "a").regex("(b).*b(.*)ba(.*)").targetLabel("d").replacement("$1$2$2$3").build()))
        .isEqualTo(Labels.of("a", "boobam", "b", "bar", "c", "baz", "d", "boooom"));
  }

  @Test
  void dropAndKeep() {
    Labels in = Labels.of("a", "foo");
    assertThat((Object) run(in, rc().sourceLabels("a").regex(".*o.*").action(Action.DROP).build(),
        rc().sourceLabels("a").regex("f(.*)").targetLabel("d").replacement("ch$1-ch$1").build())).isNull();
    assertThat((Object) run(in, rc().sourceLabels("a").regex("no-match").action(Action.DROP).build())).isEqualTo(in);
    assertThat((Object) run(in, rc().sourceLabels("a").regex("f|o").action(Action.DROP).build())).as("anchored").isEqualTo(in);
    assertThat((Object) run(in, rc().sourceLabels("a").regex("no-match").action(Action.KEEP).build())).isNull();
    assertThat((Object) run(in, rc().sourceLabels("a").regex("f.*").action(Action.KEEP).build())).isEqualTo(in);
  }

  @Test
  void replaceWithoutMatchChangesNothing() {
    Labels in = Labels.of("a", "boo");
    assertThat((Object) run(in, rc().sourceLabels("a").regex("f").targetLabel("b").replacement("bar").build())).isEqualTo(in);
    assertThat((Object) run(Labels.of("a", "abc"), rc().sourceLabels("a").regex(".*(b).*").targetLabel("d").build()))
        .isEqualTo(Labels.of("a", "abc", "d", "b"));
  }

  @Test
  void hashmodMatchesPrometheus() {
    assertThat((Object) run(Labels.of("a", "foo", "b", "bar", "c", "baz"),
            rc().sourceLabels("c").targetLabel("d").action(Action.HASHMOD).modulus(1000).build()).get("d"))
        .isEqualTo("976");
    assertThat((Object) run(Labels.of("a", "foo\nbar"), rc().sourceLabels("a").targetLabel("b").action(Action.HASHMOD).modulus(1000).build()).get("b"))
        .isEqualTo("734");
  }

  @Test
  void hashmodIsUnsigned() {
    // a modulus above 2^63 exercises the unsigned arithmetic
    String v = run(Labels.of("a", "x"), rc().sourceLabels("a").targetLabel("h").action(Action.HASHMOD).modulus(-1L).build()).get("h");
    assertThat(v).isEqualTo(Long.toUnsignedString(Relabel.md5Low64("x")));
  }

  @Test
  void labelmap() {
    assertThat((Object) run(Labels.of("a", "foo", "b1", "bar", "b2", "baz"), rc().regex("(b.*)").replacement("bar_${1}").action(Action.LABELMAP).build()))
        .isEqualTo(Labels.of("a", "foo", "b1", "bar", "b2", "baz", "bar_b1", "bar", "bar_b2", "baz"));
    Labels meta = Labels.of("a", "foo", "__meta_my_bar", "aaa", "__meta_my_baz", "bbb", "__meta_other", "ccc");
    assertThat((Object) run(meta, rc().regex("__meta_(my.*)").replacement("${1}").action(Action.LABELMAP).build()))
        .isEqualTo(meta.toBuilder().set("my_bar", "aaa").set("my_baz", "bbb").build());
  }

  @Test
  void templatedTargets() {
    Labels in = Labels.of("a", "some-name-value");
    assertThat((Object) run(in, rc().sourceLabels("a").regex("some-([^-]+)-([^,]+)").replacement("${2}").targetLabel("${1}").build()))
        .isEqualTo(Labels.of("a", "some-name-value", "name", "value"));
    assertThat((Object) run(in, rc().sourceLabels("a").regex("some-([^-]+)-([^,]+)").replacement("${3}").targetLabel("${1}").build()))
        .as("an empty replacement deletes (here: nothing to delete)").isEqualTo(in);
    Labels zero = Labels.of("a", "some-name-0");
    assertThat((Object) run(zero, rc().sourceLabels("a").regex("some-([^-]+)-([^,]+)").replacement("${1}").targetLabel("${3}").build()))
        .as("a target expanding to an empty name is skipped").isEqualTo(zero);
  }

  @Test
  void realLifeTags() {
    Labels in = Labels.of("__meta_sd_tags", "path:/secret,job:some-job,label:foo=bar");
    assertThat((Object) run(in,
            rc().sourceLabels("__meta_sd_tags").regex("(?:.+,|^)path:(/[^,]+).*").replacement("${1}").targetLabel("__metrics_path__").build(),
            rc().sourceLabels("__meta_sd_tags").regex("(?:.+,|^)job:([^,]+).*").replacement("${1}").targetLabel("job").build(),
            rc().sourceLabels("__meta_sd_tags").regex("(?:.+,|^)label:([^=]+)=([^,]+).*").replacement("${2}").targetLabel("${1}").build()))
        .isEqualTo(in.toBuilder().set("__metrics_path__", "/secret").set("job", "some-job").set("foo", "bar").build());
  }

  @Test
  void labeldropThenReplaceThenKeep() {
    Labels in = Labels.of("__meta_kubernetes_pod_container_port_name", "foo", "__meta_kubernetes_pod_annotation_XXX_metrics_port", "9091");
    assertThat((Object) run(in,
            rc().regex("^__meta_kubernetes_pod_container_port_name$").action(Action.LABELDROP).build(),
            rc().sourceLabels("__meta_kubernetes_pod_annotation_XXX_metrics_port").regex("(.+)").replacement("metrics")
                .targetLabel("__meta_kubernetes_pod_container_port_name").build(),
            rc().sourceLabels("__meta_kubernetes_pod_container_port_name").regex("^metrics$").action(Action.KEEP).build()))
        .isEqualTo(Labels.of("__meta_kubernetes_pod_annotation_XXX_metrics_port", "9091", "__meta_kubernetes_pod_container_port_name", "metrics"));
  }

  @Test
  void labelkeepAndLabeldrop() {
    Labels in = Labels.of("a", "foo", "b1", "bar", "b2", "baz");
    assertThat((Object) run(in, rc().regex("(b.*)").action(Action.LABELKEEP).build())).isEqualTo(Labels.of("b1", "bar", "b2", "baz"));
    assertThat((Object) run(in, rc().regex("(b.*)").action(Action.LABELDROP).build())).isEqualTo(Labels.of("a", "foo"));
    assertThat((Object) run(in, rc().regex(".*").action(Action.LABELDROP).build())).as("emptied, still kept").isEqualTo(Labels.EMPTY);
  }

  @Test
  void caseActions() {
    assertThat((Object) run(Labels.of("foo", "bAr123Foo"),
            rc().sourceLabels("foo").action(Action.UPPERCASE).targetLabel("foo_uppercase").build(),
            rc().sourceLabels("foo").action(Action.LOWERCASE).targetLabel("foo_lowercase").build()))
        .isEqualTo(Labels.of("foo", "bAr123Foo", "foo_lowercase", "bar123foo", "foo_uppercase", "BAR123FOO"));
    assertThat(Relabel.caseMap("İΣ", false)).as("per code point, like Go").isEqualTo("iσ");
  }

  @Test
  void keepequalAndDropequal() {
    Labels in = Labels.of("__tmp_port", "1234", "__port1", "1234", "__port2", "5678");
    assertThat((Object) run(in, rc().sourceLabels("__tmp_port").action(Action.KEEPEQUAL).targetLabel("__port1").build())).isEqualTo(in);
    assertThat((Object) run(in, rc().sourceLabels("__tmp_port").action(Action.DROPEQUAL).targetLabel("__port1").build())).isNull();
    assertThat((Object) run(in, rc().sourceLabels("__tmp_port").action(Action.DROPEQUAL).targetLabel("__port2").build())).isEqualTo(in);
    assertThat((Object) run(in, rc().sourceLabels("__tmp_port").action(Action.KEEPEQUAL).targetLabel("__port2").build())).isNull();
  }

  @Test
  void defaultReplaceCopiesAndEmptyValueDeletes() {
    Labels in = Labels.of("a", "x", "t", "old");
    assertThat((Object) run(in, rc().sourceLabels("missing").targetLabel("t").build())).isEqualTo(Labels.of("a", "x"));
    assertThat((Object) run(in, rc().sourceLabels("a").targetLabel("t").build())).isEqualTo(Labels.of("a", "x", "t", "x"));
    assertThat((Object) run(in, rc().targetLabel("new").replacement("const").build())).isEqualTo(in.toBuilder().set("new", "const").build());
  }

  @Test
  void namedGroupsWithUnderscoresAndDigits() {
    assertThat((Object) run(Labels.of("a", "host:9100"),
            rc().sourceLabels("a").regex("(?P<host_1>[^:]+):(?P<port>\\d+)").targetLabel("h").replacement("${host_1}/$port").build()).get("h"))
        .isEqualTo("host/9100");
  }
}
