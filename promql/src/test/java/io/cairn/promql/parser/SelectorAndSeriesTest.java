package io.cairn.promql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.tsdb.model.Labels;
import io.cairn.tsdb.model.Matcher;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SelectorAndSeriesTest {
  @Test
  void metricSelectorReturnsMatchersWithNameLast() throws ParseException {
    assertThat(Parser.parseMetricSelector("up{job=~\"a|b\"}"))
        .containsExactly(Matcher.of(Matcher.Type.REGEX, "job", "a|b"), Matcher.equal("__name__", "up"));
    assertThat(Parser.parseMetricSelector("{}")).isEmpty();
    assertThatThrownBy(() -> Parser.parseMetricSelector("up + 1"))
        .isInstanceOf(ParseException.class).hasMessage("1:4: parse error: unexpected <op:+>");
  }

  @Test
  void seriesDescriptionsExpandAsPrometheus() throws ParseException {
    SeriesDescription d = Parser.parseSeriesDesc("http{job=\"a\"} 1+2x3 _ 1-2x3 _x2 stale 5x2");
    assertThat(d.labels().equals(Labels.of("__name__", "http", "job", "a"))).as("%s", d.labels()).isTrue();
    assertThat(d.values().subList(0, 13)).containsExactly(1.0, 3.0, 5.0, 7.0, null, 1.0, -1.0, -3.0, -5.0, null, null,
        SeriesDescription.STALE_NAN, 5.0);
    assertThat(Double.doubleToRawLongBits(d.values().get(11))).isEqualTo(0x7ff0000000000002L);
    assertThat(d.values()).hasSize(15);
  }

  @Test
  void seriesDescriptionRepeatsNPlusOneTimes() throws ParseException {
    assertThat(Parser.parseSeriesDesc("{a=\"b\"} 1x3").values()).isEqualTo(Arrays.asList(1.0, 1.0, 1.0, 1.0));
    assertThat(Parser.parseSeriesDesc("m -1+1x2").values()).isEqualTo(Arrays.asList(-1.0, 0.0, 1.0));
    assertThatThrownBy(() -> Parser.parseSeriesDesc("m 1 foo")).isInstanceOf(ParseException.class)
        .hasMessageContaining("expected number or \"stale\"");
  }
}
