package io.cairn.monitor.template;

import io.cairn.common.text.re2.GoRegex;
import java.util.regex.Matcher;

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
    StringBuilder out = new StringBuilder();
    Matcher m = re.pattern().matcher(text);
    int lastMatchEnd = 0;
    int copied = 0;
    try {
      while (m.find()) {
        int start = m.start();
        int end = m.end();
        // Go ignores an empty match right after the previous match
        if (end > lastMatchEnd || start == 0) {
          int[] idx = new int[2 * (m.groupCount() + 1)];
          for (int g = 0; g <= m.groupCount(); g++) {
            idx[2 * g] = m.start(g);
            idx[2 * g + 1] = m.end(g);
          }
          out.append(text, copied, start);
          out.append(re.expand(repl, text, idx));
          copied = end;
        }
        lastMatchEnd = end;
      }
    } catch (StackOverflowError e) {
      throw new Exception("regular expression too complex for the input");
    }
    out.append(text, copied, text.length());
    return out.toString();
  }
}
