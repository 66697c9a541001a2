package io.cairn.monitor.relabel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Prometheus's Config.Validate rules, and TestTargetLabelValidity. */
class RelabelConfigTest {
  @Test
  void defaults() {
    RelabelConfig c = RelabelConfig.builder().targetLabel("x").build();
    assertThat(c.action()).isEqualTo(Action.REPLACE);
    assertThat(c.separator()).isEqualTo(";");
    assertThat(c.regex().expr()).isEqualTo("(.*)");
    assertThat(c.replacement()).isEqualTo("$1");
    assertThat(c.modulus()).isZero();
    assertThat(c.sourceLabels()).isEmpty();
  }

  @Test
  void actionsParseIgnoringCase() {
    assertThat(Action.parse("LabelDrop")).isEqualTo(Action.LABELDROP);
    assertThat(Action.KEEPEQUAL.yamlName()).isEqualTo("keepequal");
    assertThatThrownBy(() -> Action.parse("foo")).hasMessage("unknown relabel action \"foo\"");
  }

  private static void fails(RelabelConfig.Builder b, String message) {
    assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  @Test
  void validationErrors() {
    fails(RelabelConfig.builder(), "relabel configuration for replace action requires 'target_label' value");
    fails(RelabelConfig.builder().action(Action.LOWERCASE), "relabel configuration for lowercase action requires 'target_label' value");
    fails(RelabelConfig.builder().action(Action.LOWERCASE).targetLabel("${3}"), "\"${3}\" is invalid 'target_label' for lowercase action");
    fails(RelabelConfig.builder().targetLabel("0${3}"), "\"0${3}\" is invalid 'target_label' for replace action");
    fails(RelabelConfig.builder().targetLabel("-${3}"), "\"-${3}\" is invalid 'target_label' for replace action");
    fails(RelabelConfig.builder().targetLabel("a-b"), "\"a-b\" is invalid 'target_label' for replace action");
    fails(RelabelConfig.builder().action(Action.HASHMOD).targetLabel("x"), "relabel configuration for hashmod requires non-zero modulus");
    fails(RelabelConfig.builder().action(Action.HASHMOD).modulus(2).targetLabel("x-y"), "\"x-y\" is invalid 'target_label' for hashmod action");
    fails(RelabelConfig.builder().action(Action.UPPERCASE).targetLabel("x").replacement("y"), "'replacement' can not be set for uppercase action");
    fails(RelabelConfig.builder().action(Action.LABELMAP).replacement("a-$1"), "\"a-$1\" is invalid 'replacement' for labelmap action");
    fails(RelabelConfig.builder().action(Action.KEEPEQUAL).targetLabel("x").regex("(.*)"),
        "keepequal action requires only 'source_labels' and `target_label`, and no other fields");
    fails(RelabelConfig.builder().action(Action.DROPEQUAL).targetLabel("x").separator(","),
        "dropequal action requires only 'source_labels' and `target_label`, and no other fields");
    fails(RelabelConfig.builder().action(Action.LABELDROP).sourceLabels(), "labeldrop action requires only 'regex', and no other fields");
    fails(RelabelConfig.builder().action(Action.LABELKEEP).targetLabel("x"), "labelkeep action requires only 'regex', and no other fields");
    fails(RelabelConfig.builder().sourceLabels("a-b").targetLabel("x"), "\"a-b\" is not a valid label name");
    fails(RelabelConfig.builder().regex("(").targetLabel("x"), "error parsing regexp: missing closing ): `^(?:()$`");
  }

  @Test
  void templatedTargetIsValidated() {
    RelabelConfig ok = RelabelConfig.of(List.of("a"), null, "some-([^-]+)-([^,]+)", null, "${3}", "${1}", Action.REPLACE);
    assertThat(ok.targetLabel()).isEqualTo("${3}");
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "-label,false", "label,true", "label${1},true", "${1}label,true", "${1},true", "${,false", "$,false",
    "${},false", "foo${,false", "$1,true", "asd$2asd,true", "-foo${1}bar-,false", "_${1}_,true", "foo${bar}foo,true",
  })
  void targetLabelValidity(String target, boolean valid) {
    RelabelConfig.Builder b = RelabelConfig.builder().targetLabel(target);
    if (valid) {
      assertThat(b.build().targetLabel()).isEqualTo(target);
    } else {
      assertThatThrownBy(b::build).hasMessageContaining("is invalid 'target_label'");
    }
  }
}
