package io.cairn.monitor.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test against the real promtool 2.42: one alerting rule per template case, a rules
 * unit test whose {@code exp_annotations} (and one templated label) are cairn's expansions, and
 * {@code promtool test rules}, which fails unless Prometheus expands every template to the same
 * text. Fails, never skips, when promtool is missing.
 */
class PromtoolTemplateIT {
  private static final Path PROMTOOL = Path.of("/usr/bin/promtool");
  private static final ObjectMapper JSON = new ObjectMapper();

  static final List<String> CASES = List.of(
      "{{ $labels.instance }} of {{ $labels.job }} is {{ $value }}",
      "{{ $labels }} / {{ $externalLabels }} / [{{ $externalURL }}]",
      "{{ range $k, $v := $labels }}{{ $k }}={{ $v }};{{ end }}",
      "{{ $value | humanize }} {{ 1234567 | humanize }} {{ 0.000123 | humanize }} {{ \"1e9\" | humanize }}",
      "{{ humanize1024 1048576 }} {{ humanize1024 123 }} {{ humanizePercentage 0.4567 }}",
      "{{ humanizeDuration 3723 }} {{ humanizeDuration 0.0123 }} {{ humanizeDuration 90061.5 }} {{ humanizeDuration 5.25 }}",
      "{{ humanizeTimestamp 1435065584.128 }} | {{ toTime 1700000000 }}",
      "{{ printf \"%.2f|%5d|%-6s|%q|%x|%e|%g|%v|%t|%08.3f|%+d\" 3.14159 42 \"ab\" \"q\" 255 12345.678 0.000012 1e21 true -2.5 7 }}",
      "{{ printf \"%d %s\" \"wrong\" 1.5 }} {{ printf \"%d\" }} {{ printf \"x\" 1 }}",
      "{{ 1e6 }} {{ 123456.7 }} {{ 1e-5 }} {{ 0.1 }} {{ -0.0 }} {{ 1e100 }} {{ 2.5e-7 }}",
      "{{ if gt $value 0.5 }}high{{ else if eq $value 0.5 }}mid{{ else }}low{{ end }}",
      "{{ with $labels.nope }}has{{ else }}none{{ end }} {{ with $labels.job }}{{ . }}{{ end }}",
      "{{ title \"hello big-world\" }} {{ toUpper \"abc\" }} {{ toLower \"ABC\" }}",
      "{{ reReplaceAll \"(.*):(\\\\d+)\" \"$2 on $1\" $labels.instance }} {{ match \"^h\" $labels.instance }}",
      "{{ reReplaceAll \"a*\" \"-\" \"baaac\" }} {{ reReplaceAll \"(?P<w>\\\\w+)@\" \"${w} at \" \"me@x\" }}",
      "{{ query \"vector(42)\" | first | value }} {{ query \"sum(m)\" | first | value | humanize }}",
      "{{ range query \"sort(m)\" }}{{ .Labels.a }}={{ .Value }} {{ end }}", // sorted: promtool's series order varies
      "{{ range query \"sort_desc(m)\" | sortByLabel \"b\" }}{{ label \"b\" . }}:{{ value . }} {{ end }}",
      "{{ with query \"m > 100\" }}some{{ else }}none{{ end }} {{ len (query \"m\") }}",
      "{{ first (query \"sort(m)\") }}",
      "{{ first (query \"absent_nothing\") }}",
      "{{ .Foo }}",
      "{{ humanize \"not a number\" }}",
      "{{ reReplaceAll \"(\" \"x\" \"y\" }}",
      "{{ stripPort \"[::1]:9090\" }} {{ stripPort $labels.instance }} {{ stripDomain \"node1.example.com:9100\" }}",
      "{{ parseDuration \"1h30m\" }} {{ graphLink \"rate(x[5m])\" }} {{ tableLink \"up\" }}",
      "{{ args 1 \"two\" 3.5 }} {{ (args 1 2).arg1 }}",
      "{{ define \"t\" }}[{{ . }}]{{ end }}{{ template \"t\" $labels.job }}{{ block \"b\" 2 }}<{{ . }}>{{ end }}",
      "{{- \"trim\" -}}   \n  {{ \"med\" }} {{/* comment */}} x {{- /* c */ -}} y",
      "{{ $x := 1 }}{{ range $i, $e := query \"m\" }}{{ $x = $i }}{{ end }}{{ $x }}",
      "{{ range $labels }}{{ . }}{{ break }}{{ end }} {{ range query \"m\" }}{{ continue }}x{{ end }}",
      "{{ and 1 0 }} {{ or 0 \"\" 3 }} {{ not 0 }} {{ eq 1 2 1 }} {{ ne \"a\" \"b\" }} {{ lt 1.5 2.5 }} {{ ge \"b\" \"a\" }}",
      "{{ eq 1 1.0 }}",
      "{{ len $labels }} {{ index $labels \"job\" }} {{ slice \"abcdef\" 1 3 }} {{ html \"<a&'\" }} {{ js \"a'<\" }} {{ urlquery \"a b&c\" }}",
      "{{ print 1 2 \"a\" \"b\" 3 }} {{ println \"x\" 1 }}{{ print nil }}",
      "{{ 0x10 }} {{ 'a' }} {{ 1_000 }} {{ `raw` }} {{ \"tab\\there\" }}",
      "{{ toUpper 1 }}",
      "{{ humanize 1 2 }}",
      "{{ . }}",
      "{{ safeHtml \"<b>\" }} {{ $value | printf \"%.3f\" }} {{ .Value }}");

  @Test
  void promtoolIsInstalled() {
    assertThat(Files.isExecutable(PROMTOOL)).as(PROMTOOL + " (Debian package prometheus) must be installed").isTrue();
  }

  @Test
  void promtoolExpandsEveryTemplateAsCairn(@TempDir Path dir) throws Exception {
    StringBuilder rules = new StringBuilder("groups:\n- name: templates\n  rules:\n");
    StringBuilder tests = new StringBuilder("rule_files: [rules.yml]\nevaluation_interval: 1m\ntests:\n- interval: 1m\n  input_series:\n");
    TestQueries.INPUT.forEach((series, values) ->
        tests.append("  - series: ").append(q(series)).append("\n    values: ").append(q(values)).append('\n'));
    tests.append("  alert_rule_test:\n");
    List<String> expansions = new ArrayList<>();
    for (int i = 0; i < CASES.size(); i++) {
      String name = "T" + i;
      String template = CASES.get(i);
      String labelTemplate = "{{ $value }}-{{ $labels.job }}";
      rules.append("  - alert: ").append(name).append("\n    expr: up > 0\n    labels:\n      sev: ").append(q(labelTemplate))
          .append("\n    annotations:\n      text: ").append(q(template)).append('\n');
      String expanded = expand(name, template);
      expansions.add(name + " => " + expanded);
      tests.append("  - eval_time: 1m\n    alertname: ").append(name).append("\n    exp_alerts:\n    - exp_labels: {job: j, instance: \"h:9090\", sev: ")
          .append(q(expand(name, labelTemplate))).append("}\n      exp_annotations: {text: ").append(q(expanded)).append("}\n");
    }
    Files.writeString(dir.resolve("rules.yml"), rules);
    Files.writeString(dir.resolve("test.yml"), tests);
    Process p = new ProcessBuilder(PROMTOOL.toString(), "test", "rules", "test.yml")
        .directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
    assertThat(p.exitValue()).as("promtool test rules; cairn's expansions:\n" + String.join("\n", expansions)
        + "\npromtool's output:\n" + output).isZero();
    assertThat(output).contains("SUCCESS");
  }

  /** What Prometheus puts in the annotation: the expansion, or the error in its place. */
  private static String expand(String name, String template) {
    try {
      return AlertTemplates.expand(name, template, TestQueries.alertContext());
    } catch (TemplateException e) {
      return "<error expanding template: " + e.getMessage() + ">";
    }
  }

  /** A YAML double-quoted scalar (JSON strings are valid YAML). */
  private static String q(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

}
