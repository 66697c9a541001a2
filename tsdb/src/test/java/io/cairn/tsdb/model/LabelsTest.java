package io.cairn.tsdb.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelsTest {
  @Test
  void sortedUniqueAndEmptyValuesDropped() {
    Labels l = Labels.of("job", "a", "__name__", "up", "instance", "", "job", "b");
    assertThat(l.asList()).containsExactly(new Label("__name__", "up"), new Label("job", "b"));
    assertThat(l.metricName()).isEqualTo("up");
    assertThat(l.get("instance")).isEmpty();
    assertThat(l.has("job")).isTrue();
    assertThat((Object) l).isEqualTo(Labels.from(Map.of("job", "b", "__name__", "up")));
    assertThat(l.hashCode()).isEqualTo(Labels.from(Map.of("job", "b", "__name__", "up")).hashCode());
  }

  @Test
  void rendersAsPrometheusDoes() {
    assertThat(Labels.of("__name__", "up", "path", "a\"b\\c\nd").toString())
        .isEqualTo("{__name__=\"up\", path=\"a\\\"b\\\\c\\nd\"}");
    assertThat(Labels.EMPTY.toString()).isEqualTo("{}");
  }

  @Test
  void comparesLabelByLabelWithPrefixesFirst() {
    Labels a = Labels.of("a", "1");
    Labels ab = Labels.of("a", "1", "b", "1");
    Labels a2 = Labels.of("a", "2");
    assertThat(a.compareTo(ab)).isNegative();
    assertThat(ab.compareTo(a2)).isNegative();
    assertThat(a.compareTo(Labels.of("a", "1"))).isZero();
  }

  @Test
  void builderEditsAndRefusesBadInput() {
    Labels l = Labels.of("a", "1", "b", "2").toBuilder().set("b", "").set("c", "3").build();
    assertThat((Object) l).isEqualTo(Labels.of("a", "1", "c", "3"));
    assertThatThrownBy(() -> Labels.of("a")).hasMessageContaining("odd");
    assertThatThrownBy(() -> Labels.of("", "x")).hasMessageContaining("empty");
  }

  @Test
  void withoutDropsOneLabelAndKeepsTheRest() {
    Labels l = Labels.of("__name__", "up", "a", "1", "z", "2");
    assertThat((Object) l.without("__name__")).isEqualTo(Labels.of("a", "1", "z", "2"));
    assertThat((Object) l.without("a")).isEqualTo(Labels.of("__name__", "up", "z", "2"));
    assertThat((Object) l.without("z").without("a").without("__name__")).isSameAs(Labels.EMPTY);
    assertThat((Object) l.without("missing")).isSameAs(l);
  }
}
