package io.cairn.monitor.rules;

import java.util.List;

/**
 * A YAML node as Go's {@code yaml.v3} sees it, with the 1-based line and column of its start (the
 * positions Prometheus's rule file errors print). A mapping keeps its entries in file order,
 * duplicates included, so that the decoder can report them.
 */
sealed interface YNode {
  int line();

  int column();

  /** The tag as yaml.v3 prints it in type errors: {@code !!map}, {@code !!str}, ... */
  String shortTag();

  record MapNode(List<Entry> entries, int line, int column) implements YNode {
    @Override
    public String shortTag() {
      return "!!map";
    }
  }

  record Entry(Scalar key, YNode value) {}

  record Seq(List<YNode> items, int line, int column) implements YNode {
    @Override
    public String shortTag() {
      return "!!seq";
    }
  }

  /** A scalar; {@code tag} is one of {@code str int float bool null timestamp binary}. */
  record Scalar(String text, String tag, int line, int column) implements YNode {
    @Override
    public String shortTag() {
      return "!!" + tag;
    }

    boolean isNull() {
      return tag.equals("null");
    }
  }

  static boolean isNull(YNode n) {
    return n == null || (n instanceof Scalar s && s.isNull());
  }
}
