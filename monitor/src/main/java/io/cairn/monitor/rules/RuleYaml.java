package io.cairn.monitor.rules;

import io.cairn.monitor.config.YamlScalars;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Composes rule file text into {@link YNode}s with SnakeYAML, keeping lines, columns and resolved
 * tags. Aliases are expanded (at most {@link #MAX_ALIASES}); nesting deeper than {@link #MAX_DEPTH}
 * is refused. Syntax errors are reported as {@code yaml: line N: <SnakeYAML's problem>} (yaml.v3's
 * wording for the same problem differs).
 */
final class RuleYaml {
  static final int MAX_DEPTH = 64;
  static final int MAX_ALIASES = 100;

  /** A syntax error: the text is not YAML. */
  static final class SyntaxError extends Exception {
    SyntaxError(String message) {
      super(message);
    }
  }

  private final Map<org.yaml.snakeyaml.nodes.Node, YNode> done = new IdentityHashMap<>();

  private RuleYaml() {}

  /** The document's root, or null for an empty document. */
  static YNode parse(String text) throws SyntaxError {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(Integer.MAX_VALUE); // the caller bounds the size
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setAllowRecursiveKeys(false);
    options.setAllowDuplicateKeys(true); // reported by the decoder, as yaml.v3's type errors
    Yaml yaml = new Yaml(new SafeConstructor(options));
    org.yaml.snakeyaml.nodes.Node root;
    try {
      root = yaml.compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      Mark m = e.getProblemMark();
      throw new SyntaxError("yaml: line " + (m == null ? 0 : m.getLine() + 1) + ": " + e.getProblem());
    } catch (YAMLException e) {
      throw new SyntaxError("yaml: " + e.getMessage());
    }
    return root == null ? null : new RuleYaml().convert(root, 0);
  }

  private YNode convert(org.yaml.snakeyaml.nodes.Node n, int depth) throws SyntaxError {
    if (depth > MAX_DEPTH) {
      throw new SyntaxError("yaml: nesting deeper than " + MAX_DEPTH + " levels");
    }
    YNode cached = done.get(n);
    if (cached != null) {
      return cached;
    }
    int line = n.getStartMark().getLine() + 1;
    int col = n.getStartMark().getColumn() + 1;
    YNode out = switch (n) {
      case ScalarNode s -> new YNode.Scalar(s.getValue(), YamlScalars.tagName(s.getTag()), line, col);
      case SequenceNode s -> {
        List<YNode> items = new ArrayList<>(s.getValue().size());
        for (org.yaml.snakeyaml.nodes.Node item : s.getValue()) {
          items.add(convert(item, depth + 1));
        }
        yield new YNode.Seq(List.copyOf(items), line, col);
      }
      case MappingNode m -> {
        List<YNode.Entry> entries = new ArrayList<>();
        for (NodeTuple t : m.getValue()) {
          YNode key = convert(t.getKeyNode(), depth + 1);
          if (!(key instanceof YNode.Scalar sk)) {
            throw new SyntaxError("yaml: line " + key.line() + ": a mapping key must be a scalar, not " + key.shortTag());
          }
          entries.add(new YNode.Entry(sk, convert(t.getValueNode(), depth + 1)));
        }
        yield new YNode.MapNode(List.copyOf(entries), line, col);
      }
      default -> throw new SyntaxError("yaml: line " + line + ": unsupported node " + n.getNodeId());
    };
    done.put(n, out);
    return out;
  }
}
