package io.cairn.monitor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleFilesTest {
  @TempDir Path dir;

  private static List<GroupSpec> parse(String text, List<String> errors) {
    return RuleFiles.parse(text, errors);
  }

  @Test
  void readsGroupsAndRules() {
    List<String> errors = new ArrayList<>();
    List<GroupSpec> groups = parse("""
        groups:
          - name: g
            interval: 30s
            limit: 3
            rules:
              - record: a:b
                expr: sum(up)
                labels: {x: y}
              - alert: A
                expr: up == 0
                for: 5m
                keep_firing_for: 1m
                annotations: {summary: down}
        """, errors);
    assertThat(errors).isEmpty();
    assertThat(groups).hasSize(1);
    GroupSpec g = groups.get(0);
    assertThat(g.name()).isEqualTo("g");
    assertThat(g.intervalMillis()).isEqualTo(30_000);
    assertThat(g.limit()).isEqualTo(3);
    assertThat(g.rules().get(0).record()).isEqualTo("a:b");
    assertThat(g.rules().get(0).labels()).containsEntry("x", "y");
    RuleSpec a = g.rules().get(1);
    assertThat(a.alert()).isEqualTo("A");
    assertThat(a.forMillis()).isEqualTo(300_000);
    assertThat(a.keepFiringForMillis()).isEqualTo(60_000);
    assertThat(a.exprPos()).isEqualTo(new RuleSpec.Pos(10, 15));
  }

  @Test
  void reportsErrorsWithPositionsAsPrometheus() {
    List<String> errors = new ArrayList<>();
    parse("""
        groups:
          - name: g
            rules:
              - record: r
                expr: sum(up
              - expr: up
        """, errors);
    assertThat(errors).containsExactly(
        "5:15: group \"g\", rule 1, \"r\": could not parse expression: 1:7: parse error: unclosed left parenthesis",
        "0:0: group \"g\", rule 2, \"\": one of 'record' or 'alert' must be set");
  }

  @Test
  void unknownFieldsAreTypeErrors() {
    List<String> errors = new ArrayList<>();
    parse("groups:\n  - name: g\n    bogus: 1\n", errors);
    assertThat(errors).containsExactly("yaml: unmarshal errors:\n  line 3: field bogus not found in type rulefmt.RuleGroup");
  }

  @Test
  void globsExpandSortedAndMissingPlainFilesAreIgnored() throws Exception {
    Files.writeString(dir.resolve("b.rules.yml"), "groups: []\n");
    Files.writeString(dir.resolve("a.rules.yml"), "groups: []\n");
    Files.writeString(dir.resolve("other.txt"), "");
    assertThat(RuleFiles.expand(List.of(dir + "/*.rules.yml", dir + "/missing.yml")))
        .containsExactly(dir + "/a.rules.yml", dir + "/b.rules.yml");
  }

  @Test
  void loadPrefixesErrorsWithTheFileName() throws Exception {
    Path f = dir.resolve("bad.yml");
    Files.writeString(f, "groups:\n  - name: ''\n");
    assertThatThrownBy(() -> RuleFiles.load(List.of(f.toString())))
        .isInstanceOf(RuleFileException.class)
        .hasMessage(f + ": 2:5: Groupname must not be empty");
  }
}
