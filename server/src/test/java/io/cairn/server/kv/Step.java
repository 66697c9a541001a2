package io.cairn.server.kv;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One etcdctl command of a scenario: its (templated) invocation, what it must print, and values to
 * capture from its standard output for later steps ({@code {name}} placeholders, first regex group).
 *
 * @param streamLines 0 for a command that runs to its end; otherwise a streaming command
 *     ({@code watch}) read until it printed this many lines, then stopped
 */
record Step(Invocation invocation, int streamLines, Expect expect, Map<String, Pattern> captures) {
  Step {
    captures = Map.copyOf(captures);
  }

  boolean streamed() {
    return streamLines > 0;
  }

  /** The command as the transcript shows it: placeholders unresolved, so it reads the same on every target. */
  String display() {
    StringBuilder s = new StringBuilder();
    invocation.env().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> s.append(e.getKey()).append('=').append(quote(e.getValue())).append(' '));
    s.append("$ etcdctl");
    for (String arg : invocation.args()) {
      s.append(' ').append(quote(arg));
    }
    if (streamed()) {
      s.append("    # streamed until ").append(streamLines).append(" lines");
    }
    for (String line : invocation.stdin().lines().toList()) {
      s.append("\n< ").append(line);
    }
    return s.toString();
  }

  private static String quote(String arg) {
    if (arg.length() > 60) {
      return "<" + arg.length() + " chars: " + arg.substring(0, 12) + "...>";
    }
    if (!arg.isEmpty() && arg.chars().allMatch(c -> Character.isLetterOrDigit(c) || "-_=./:{}+,[]".indexOf(c) >= 0)) {
      return arg;
    }
    return "'" + arg.replace("'", "'\\''") + "'";
  }

  static List<String> args(String... args) {
    return List.of(args);
  }
}
