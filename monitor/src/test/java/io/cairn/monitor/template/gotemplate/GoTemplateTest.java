package io.cairn.monitor.template.gotemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The engine on its own: limits, positions in errors, Go's formatting; expected texts are Go 1.19's. */
class GoTemplateTest {
  private static String run(String text, Object data) throws GoTemplateException {
    return GoTemplate.parse("t", text, Set.of()).execute(data, Map.of(), Limits.DEFAULT);
  }

  @Test
  void recursionStopsAtTheDepthLimit() {
    assertThatThrownBy(() -> run("{{define \"a\"}}{{template \"a\" .}}{{end}}{{template \"a\" 1}}", null))
        .isInstanceOf(GoTemplateException.class)
        .hasMessageContaining("exceeded maximum template depth (100)");
  }

  @Test
  void exponentialTemplatesStopAtTheStepLimit() {
    String text = "{{define \"a\"}}{{if lt . 60}}{{template \"a\" (len (printf \"%*s\" . \"\" | printf \"%s.\"))}}"
        + "{{template \"a\" (len (printf \"%*s\" . \"\" | printf \"%s.\"))}}{{end}}{{end}}{{template \"a\" 1}}";
    assertThatThrownBy(() -> GoTemplate.parse("t", text, Set.of()).execute(null, Map.of(), new Limits(1 << 20, 10_000, 100)))
        .hasMessageContaining("template execution exceeds the limit of 10000 steps");
  }

  @Test
  void outputIsBounded() {
    String text = "{{range $i, $e := .}}{{printf \"%1000d\" 1}}{{end}}";
    List<Object> many = java.util.Collections.nCopies(2000, 1L);
    assertThatThrownBy(() -> run(text, many)).hasMessageContaining("template output exceeds the limit of 1048576 characters");
  }

  @Test
  void errorPositionsAreLineAndByteColumn() {
    assertThatThrownBy(() -> run("é\n  {{ index 1 2 }}", null))
        .hasMessage("template: t:2:5: executing \"t\" at <index 1 2>: error calling index: can't index item of type int");
    assertThatThrownBy(() -> GoTemplate.parse("t", "a\nb{{ nope }}", Set.of()))
        .hasMessage("template: t:2: function \"nope\" not defined");
  }

  @Test
  void lexerErrorsNameTheActionStart() {
    assertThatThrownBy(() -> GoTemplate.parse("t", "{{ 1\n\n", Set.of())).hasMessage("template: t:3: unclosed action started at t:1");
  }

  @Test
  void floatsPrintAsGo() {
    assertThat(GoFloat.format(1e6, 'g', -1)).isEqualTo("1e+06");
    assertThat(GoFloat.format(123456.7, 'g', -1)).isEqualTo("123456.7");
    assertThat(GoFloat.format(0.1 + 0.2, 'g', -1)).isEqualTo("0.30000000000000004");
    assertThat(GoFloat.format(2.675, 'f', 2)).isEqualTo("2.67");
    assertThat(GoFloat.format(0.125, 'f', 2)).isEqualTo("0.12");
    assertThat(GoFloat.format(1234.5678, 'e', 6)).isEqualTo("1.234568e+03");
    assertThat(GoFloat.format(1e-7, 'g', 4)).isEqualTo("1e-07");
    assertThat(GoFloat.format(100, 'g', 4)).isEqualTo("100");
    assertThat(GoFloat.format(123456, 'g', 4)).isEqualTo("1.235e+05");
    assertThat(GoFloat.format(-0.0, 'g', -1)).isEqualTo("-0");
    assertThat(GoFloat.format(Double.NaN, 'g', -1)).isEqualTo("NaN");
    assertThat(GoFloat.format(Double.NEGATIVE_INFINITY, 'f', 2)).isEqualTo("-Inf");
  }

  @Test
  void sprintfHandlesGoVerbsAndMistakes() {
    assertThat(GoFmt.sprintf("%5.1f|%-4d|%04d|%x|%q|%v|%T", 3.14159, 7L, -7L, 255L, "a\"b", Double.POSITIVE_INFINITY, 1L))
        .isEqualTo("  3.1|7   |-007|ff|\"a\\\"b\"|+Inf|int");
    assertThat(GoFmt.sprintf("%d|%s|%!|%z", "x", 1L)).isEqualTo("%!d(string=x)|%!s(int=1)|%!!(MISSING)|%!z(MISSING)");
    assertThat(GoFmt.sprintf("x", 1L, "y")).isEqualTo("x%!(EXTRA int=1, string=y)");
    assertThat(GoFmt.sprint(List.of(1L, 2L, "a", "b", 3L))).isEqualTo("1 2ab3");
    assertThat(GoFmt.sprint(List.of(new java.util.TreeMap<>(Map.of("b", "2", "a", "1"))))).isEqualTo("map[a:1 b:2]");
  }

  @Test
  void templatesAreReusableAcrossThreads() throws Exception {
    GoTemplate t = GoTemplate.parse("t", "{{range .}}{{.}}{{end}}", Set.of());
    List<Thread> threads = new java.util.ArrayList<>();
    java.util.concurrent.ConcurrentLinkedQueue<String> results = new java.util.concurrent.ConcurrentLinkedQueue<>();
    for (int i = 0; i < 4; i++) {
      long n = i;
      threads.add(Thread.ofPlatform().start(() -> {
        try {
          results.add(t.execute(List.of(n, n), Map.of(), Limits.DEFAULT));
        } catch (GoTemplateException e) {
          results.add(e.getMessage());
        }
      }));
    }
    for (Thread th : threads) {
      th.join();
    }
    assertThat(results).containsExactlyInAnyOrder("00", "11", "22", "33");
  }
}
