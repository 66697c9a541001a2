package io.cairn.server.kv;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Placeholders in scenario arguments, standard input and expectations, resolved per target:
 * {@code {rev}} is the store revision when the scenario started, {@code {rev+N}} that plus N, and
 * {@code {name}} a value captured from an earlier step's output (such as a lease id).
 */
record Templates(long baseRevision, Map<String, String> captured) {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(rev(?:[+-]\\d+)?|[a-z][A-Za-z0-9]*)}");

  Templates {
    captured = Map.copyOf(captured);
  }

  String resolve(String text) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(valueOf(m.group(1))));
    }
    m.appendTail(out);
    return out.toString();
  }

  private String valueOf(String name) {
    if (name.equals("rev")) {
      return Long.toString(baseRevision);
    }
    if (name.startsWith("rev")) {
      return Long.toString(baseRevision + Long.parseLong(name.substring(3).replace("+", "")));
    }
    String value = captured.get(name);
    if (value == null) {
      throw new AssertionError("{" + name + "} was not captured from an earlier step's output");
    }
    return value;
  }
}
