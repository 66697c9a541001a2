package io.cairn.monitor.rules;

/** YAML 1.1 integers as yaml.v3 resolves them: decimal, {@code 0x}, {@code 0o}/{@code 0}, {@code 0b}, underscores. */
final class GoYamlInts {
  private GoYamlInts() {}

  /** @throws NumberFormatException if the text is not such an integer or does not fit a long */
  static long parse(String text) {
    String t = text.replace("_", "");
    boolean neg = t.startsWith("-");
    if (neg || t.startsWith("+")) {
      t = t.substring(1);
    }
    long v;
    if (t.startsWith("0x")) {
      v = Long.parseLong(t.substring(2), 16);
    } else if (t.startsWith("0b")) {
      v = Long.parseLong(t.substring(2), 2);
    } else if (t.startsWith("0o")) {
      v = Long.parseLong(t.substring(2), 8);
    } else if (t.length() > 1 && t.startsWith("0")) {
      v = Long.parseLong(t.substring(1), 8);
    } else {
      v = Long.parseLong(t);
    }
    return neg ? -v : v;
  }
}
