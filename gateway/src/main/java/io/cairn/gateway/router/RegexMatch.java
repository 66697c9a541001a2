package io.cairn.gateway.router;

import java.util.regex.Pattern;

/** Go's {@code regexp.MatchString} (an unanchored search) over a precompiled pattern. */
final class RegexMatch {
  private RegexMatch() {}

  /**
   * Whether {@code pattern} matches somewhere in {@code input}. A pattern whose backtracking
   * exhausts the stack on this input counts as not matching (RE2 would have matched in linear
   * time; see {@link GoRegex}).
   */
  static boolean find(Pattern pattern, String input) {
    try {
      return pattern.matcher(input).find();
    } catch (StackOverflowError e) {
      return false;
    }
  }
}
