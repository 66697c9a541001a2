package io.cairn.monitor.config;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Composes YAML text into {@link Node}s with SnakeYAML (the engine under jackson-dataformat-yaml).
 * Composition, not construction: tags and lines survive, which Go-style typing and messages need.
 * Aliases are expanded; merge keys ({@code <<}) are flattened as yaml.v2 does (explicit keys win).
 */
final class YamlTree {
  /** Nesting deeper than this is refused; real configs nest about 6 levels. */
  static final int MAX_DEPTH = 64;
  /** Alias expansions per document (guards against "billion laughs"). */
  static final int MAX_ALIASES = 100;

  private YamlTree() {}

  /** The document's root, or null for an empty document (comments only). */
  static Node parse(String text) throws ConfigException {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(Integer.MAX_VALUE); // the caller bounds the size
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setAllowRecursiveKeys(false);
    Yaml yaml = new Yaml(new SafeConstructor(options));
    org.yaml.snakeyaml.nodes.Node root;
    try {
      root = yaml.compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
      throw new ConfigException("yaml: line " + line + ": " + e.getProblem());
    } catch (YAMLException e) {
      throw new ConfigException("yaml: " + e.getMessage());
    }
    return root == null ? null : new YamlTree().convert(root, 0);
  }

  private final Map<org.yaml.snakeyaml.nodes.Node, Node> done = new IdentityHashMap<>();

  private Node convert(org.yaml.snakeyaml.nodes.Node n, int depth) throws ConfigException {
    if (depth > MAX_DEPTH) {
      throw new ConfigException("yaml: nesting deeper than " + MAX_DEPTH + " levels");
    }
    Node cached = done.get(n);
    if (cached != null) {
      return cached;
    }
    int line = n.getStartMark().getLine() + 1;
    Node out =
        switch (n) {
          case ScalarNode s -> new Node.Scalar(s.getValue(), YamlScalars.tagName(s.getTag()), line);
          case SequenceNode s -> {
            List<Node> items = new ArrayList<>(s.getValue().size());
            for (org.yaml.snakeyaml.nodes.Node item : s.getValue()) {
              items.add(convert(item, depth + 1));
            }
            yield new Node.Seq(List.copyOf(items), line);
          }
          case MappingNode m -> new Node.MapNode(entries(m, depth), line);
          default -> throw new ConfigException("yaml: line " + line + ": unsupported node " + n.getNodeId());
        };
    done.put(n, out);
    return out;
  }

  private List<Node.Entry> entries(MappingNode m, int depth) throws ConfigException {
    List<Node.Entry> merged = new ArrayList<>();
    List<Node.Entry> own = new ArrayList<>();
    for (NodeTuple t : m.getValue()) {
      if (t.getKeyNode().getTag().equals(Tag.MERGE)) {
        Node v = convert(t.getValueNode(), depth + 1);
        switch (v) {
          case Node.MapNode mm -> merged.addAll(mm.entries());
          case Node.Seq seq -> {
            for (Node item : seq.items()) {
              if (!(item instanceof Node.MapNode mm)) {
                throw new ConfigException("yaml: line " + item.line() + ": map merge requires map or sequence of maps as the value");
              }
              merged.addAll(mm.entries());
            }
          }
          default -> throw new ConfigException("yaml: line " + v.line() + ": map merge requires map or sequence of maps as the value");
        }
        continue;
      }
      Node key = convert(t.getKeyNode(), depth + 1);
      if (!(key instanceof Node.Scalar sk)) {
        throw new ConfigException("yaml: line " + key.line() + ": a mapping key must be a scalar, not " + key.shortTag());
      }
      own.add(new Node.Entry(sk, convert(t.getValueNode(), depth + 1)));
    }
    if (merged.isEmpty()) {
      return List.copyOf(own);
    }
    List<Node.Entry> out = new ArrayList<>();
    for (Node.Entry e : merged) {
      boolean overridden = own.stream().anyMatch(o -> o.key().text().equals(e.key().text()))
          || out.stream().anyMatch(o -> o.key().text().equals(e.key().text()));
      if (!overridden) {
        out.add(e);
      }
    }
    out.addAll(own);
    return List.copyOf(out);
  }
}
