package io.cairn.monitor.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.tsdb.model.Labels;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetGroupDecoderTest {
  private static List<TargetGroup> json(String s) {
    return TargetGroupDecoder.decode(s.getBytes(StandardCharsets.UTF_8), TargetGroupDecoder.Format.JSON, "f.json");
  }

  private static List<TargetGroup> yaml(String s) {
    return TargetGroupDecoder.decode(s.getBytes(StandardCharsets.UTF_8), TargetGroupDecoder.Format.YAML, "f.yml");
  }

  @Test
  void decodesJsonAndYaml() {
    var expected = List.of(TargetGroup.of("f.json:0", List.of("a:1", "b:2"), Map.of("env", "prod")),
        TargetGroup.of("f.json:1", List.of("c:3"), Map.of()));
    assertThat(json("[{\"targets\":[\"a:1\",\"b:2\"],\"labels\":{\"env\":\"prod\"}},{\"targets\":[\"c:3\"]}]")).isEqualTo(expected);
    assertThat(yaml("- targets: ['a:1', 'b:2']\n  labels:\n    env: prod\n- targets: ['c:3']\n"))
        .extracting(TargetGroup::targets).isEqualTo(expected.stream().map(TargetGroup::targets).toList());
    assertThat(yaml("")).isEmpty();
    assertThatThrownBy(() -> json("")).hasMessageStartingWith("invalid JSON: unexpected end of JSON input");
  }

  @Test
  void targetLabelsMergeGroupLabels() {
    TargetGroup g = new TargetGroup("s", List.of(Map.of("__address__", "a:1", "env", "dev")), Map.of("env", "prod", "team", "x"));
    assertThat(g.targetLabels()).containsExactly(Labels.of("__address__", "a:1", "env", "dev", "team", "x"));
  }

  @Test
  void clearErrors() {
    assertThatThrownBy(() -> json("{\"targets\":[]}")).hasMessage("expected a list of target groups, got object");
    assertThatThrownBy(() -> json("[null]")).hasMessage("nil target group item found (target group 0)");
    assertThatThrownBy(() -> json("[{\"targets\":[\"a:1\"],\"extra\":1}]")).hasMessageContaining("unknown field \"extra\"");
    assertThatThrownBy(() -> json("[{\"targets\":[1]}]")).hasMessageContaining("each target must be a string");
    assertThatThrownBy(() -> json("[{\"targets\":[\"a:1\"],\"labels\":{\"a-b\":\"x\"}}]"))
        .hasMessageContaining("\"a-b\" is not a valid label name");
    assertThatThrownBy(() -> json("[{\"targets\":[\"a:1\"")).hasMessageStartingWith("invalid JSON");
    assertThatThrownBy(() -> TargetGroupDecoder.decode(new byte[TargetGroupDecoder.MAX_BYTES + 1], TargetGroupDecoder.Format.JSON, "x"))
        .hasMessageContaining("exceed the limit");
  }
}
