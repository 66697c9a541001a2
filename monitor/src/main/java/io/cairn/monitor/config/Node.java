package io.cairn.monitor.config;

import java.util.List;

/**
 * A YAML node as Go's {@code yaml.v2} sees it: a mapping (entries in file order, duplicates kept so
 * the decoder can report them), a sequence, a scalar with its resolved YAML 1.1 tag, or null. Lines
 * are 1-based as in Prometheus's messages.
 */
sealed interface Node {
  int line();

  /** The tag as yaml.v2 prints it in type errors: {@code !!map}, {@code !!str}, ... */
  String shortTag();

  record MapNode(List<Entry> entries, int line) implements Node {
    @Override
    public String shortTag() {
      return "!!map";
    }
  }

  /** One key/value pair of a mapping; the key is kept as a node for its line and tag. */
  record Entry(Scalar key, Node value) {}

  record Seq(List<Node> items, int line) implements Node {
    @Override
    public String shortTag() {
      return "!!seq";
    }
  }

  /**
   * A scalar: {@code tag} is one of {@code str int float bool null timestamp binary}; a quoted
   * scalar is always {@code str}.
   */
  record Scalar(String text, String tag, int line) implements Node {
    @Override
    public String shortTag() {
      return "!!" + tag;
    }

    boolean isNull() {
      return tag.equals("null");
    }
  }
}
