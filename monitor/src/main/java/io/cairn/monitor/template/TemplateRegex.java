package io.cairn.monitor.template;

import io.cairn.common.text.re2.GoRegex;

/** Go's {@code regexp.MatchString} and {@code ReplaceAllString} for {@code match} and {@code reReplaceAll}. */
final class TemplateRegex {
  private TemplateRegex() {}

  static boolean match(String pattern, String s) throws Exception {
    GoRegex re;
    try {
      re = GoRegex.compileUnanchored(pattern);
    } catch (IllegalArgumentException e) {
      throw new Exception(e.getMessage());
    }
    try {
      return re.pattern().matcher(s).find();
    } catch (StackOverflowError e) {
      return false;
    }
  }

  /** {@code regexp.MustCompile(pattern).ReplaceAllString(text, repl)}; a bad pattern fails with Go's panic text. */
  static String replaceAll(String pattern, String repl, String text) throws Exception {
    GoRegex re;
    try {
      re = GoRegex.compileUnanchored(pattern);
    } catch (IllegalArgumentException e) {
      boolean backquote = pattern.indexOf('`') < 0 && pattern.chars().allMatch(c -> c >= ' ' && c != 0x7f || c == '\t');
      String q = backquote ? "`" + pattern + "`" : io.cairn.monitor.template.gotemplate.GoStrings.quote(pattern);
      throw new Exception("regexp: Compile(" + q + "): " + e.getMessage());
    }
    try {
      return re.replaceAll(text, repl);
    } catch (IllegalArgumentException e) {
      throw new Exception(e.getMessage());
    }
  }
}
