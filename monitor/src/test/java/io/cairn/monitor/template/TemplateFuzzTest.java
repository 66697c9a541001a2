package io.cairn.monitor.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random text, and random sequences of template tokens, never fail other than with a TemplateException. */
class TemplateFuzzTest {
  private static final List<String> TOKENS = List.of("{{", "}}", "{{-", "-}}", " ", "\n", "$labels", "$value", ".",
      ".Labels", ".Value", "$x", ":=", "=", "|", "(", ")", "if", "else", "end", "range", "with", "define", "template",
      "block", "break", "continue", "\"a\"", "`b`", "'c'", "1", "-2.5e3", "0x1f", "nil", "true", "printf", "\"%v%d%s\"",
      "humanize", "query", "\"m\"", "first", "value", "label", "index", "slice", "len", "eq", "lt", "and", "or", "not",
      "reReplaceAll", "\"(\"", "title", "toTime", "args", "html", "js", "print", "/*", "*/", ",", "$i", "$e", "\"t\"",
      "humanizeDuration", "stripPort", "parseDuration", "sortByLabel", "match", "x");

  private static final AlertTemplates.Context CONTEXT = new AlertTemplates.Context(
      Map.of("job", "j", "instance", "h:1"), Map.of(), "http://x/p", 1.5, 0,
      (expr, t) -> List.of(new AlertTemplates.QuerySample(Map.of("__name__", "m"), 2)));

  @Provide
  Arbitrary<String> tokenSoup() {
    return Arbitraries.of(TOKENS).list().ofMaxSize(40).map(l -> String.join("", l));
  }

  @Property(tries = 2000)
  void tokenSoupOnlyFailsWithTemplateException(@ForAll("tokenSoup") String text) {
    assertThat(outcome(text)).isNotNull();
  }

  @Property(tries = 1000)
  void randomTextOnlyFailsWithTemplateException(@ForAll String text) {
    assertThat(outcome(text)).isNotNull();
  }

  private static String outcome(String text) {
    try {
      AlertTemplates.check("f", text);
      return AlertTemplates.expand("f", text, CONTEXT);
    } catch (TemplateException e) {
      assertThat(e.getMessage()).matches("(?s)(template: |error (parsing|executing) template __alert_f: template: ).*");
      return e.getMessage();
    }
  }
}
