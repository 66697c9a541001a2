package io.cairn.monitor.config;

import org.yaml.snakeyaml.nodes.Tag;

/**
 * What Go's yaml.v3 makes of YAML 1.1 scalars, shared by the config and rule file readers: tag names
 * and integers.
 */
public final class YamlScalars {
  private YamlScalars() {}

  /** The short name of a resolved tag ({@code str}, {@code int}, ...), or the tag itself. */
  public static String tagName(Tag tag) {
    if (tag.equals(Tag.STR)) return "str";
    if (tag.equals(Tag.INT)) return "int";
    if (tag.equals(Tag.FLOAT)) return "float";
    if (tag.equals(Tag.BOOL)) return "bool";
    if (tag.equals(Tag.NULL)) return "null";
    if (tag.equals(Tag.TIMESTAMP)) return "timestamp";
    if (tag.equals(Tag.BINARY)) return "binary";
    String v = tag.getValue();
    return v.startsWith(Tag.PREFIX) ? v.substring(Tag.PREFIX.length()) : v;
  }

  /**
   * A YAML 1.1 integer as yaml.v3 resolves it: optional sign, decimal, {@code 0x}, {@code 0o} or
   * {@code 0} octal, {@code 0b}, underscores anywhere.
   *
   * @throws NumberFormatException if the text is not such an integer or does not fit a long
   */
  public static long parseInt(String text) {
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
