package io.cairn.monitor.template.gotemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * The parse tree of Go's {@code text/template/parse}. {@link #pos()} is the char offset in the
 * template text; {@link #toString()} is Go's {@code Node.String}, which error messages quote.
 */
sealed interface Node {
  int pos();

  /** Nodes that may start a command's argument list or be an argument. */
  record ListNode(int pos, List<Node> nodes) implements Node {
    ListNode(int pos) {
      this(pos, new ArrayList<>());
    }

    @Override
    public String toString() {
      StringBuilder b = new StringBuilder();
      nodes.forEach(b::append);
      return b.toString();
    }
  }

  record TextNode(int pos, String text) implements Node {
    @Override
    public String toString() {
      return text;
    }
  }

  record ActionNode(int pos, int line, PipeNode pipe) implements Node {
    @Override
    public String toString() {
      return "{{" + pipe + "}}";
    }
  }

  /** A pipeline, possibly with declared ({@code :=}) or assigned ({@code =}) variables. */
  final class PipeNode implements Node {
    final int pos;
    final int line;
    boolean isAssign;
    final List<VariableNode> decl = new ArrayList<>();
    final List<CommandNode> cmds = new ArrayList<>();

    PipeNode(int pos, int line) {
      this.pos = pos;
      this.line = line;
    }

    @Override
    public int pos() {
      return pos;
    }

    @Override
    public String toString() {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < decl.size(); i++) {
        b.append(i > 0 ? ", " : "").append(decl.get(i));
      }
      if (!decl.isEmpty()) {
        b.append(" := ");
      }
      for (int i = 0; i < cmds.size(); i++) {
        b.append(i > 0 ? " | " : "").append(cmds.get(i));
      }
      return b.toString();
    }
  }

  record CommandNode(int pos, List<Node> args) implements Node {
    CommandNode(int pos) {
      this(pos, new ArrayList<>());
    }

    @Override
    public String toString() {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < args.size(); i++) {
        b.append(i > 0 ? " " : "");
        Node a = args.get(i);
        b.append(a instanceof PipeNode ? "(" + a + ")" : a.toString());
      }
      return b.toString();
    }
  }

  record IdentifierNode(int pos, String name) implements Node {
    @Override
    public String toString() {
      return name;
    }
  }

  /** {@code $x} or {@code $x.Field.Other}: ident[0] is the variable. */
  record VariableNode(int pos, List<String> ident) implements Node {
    @Override
    public String toString() {
      return String.join(".", ident);
    }
  }

  record DotNode(int pos) implements Node {
    @Override
    public String toString() {
      return ".";
    }
  }

  record NilNode(int pos) implements Node {
    @Override
    public String toString() {
      return "nil";
    }
  }

  /** {@code .A.B}. */
  record FieldNode(int pos, List<String> ident) implements Node {
    @Override
    public String toString() {
      StringBuilder b = new StringBuilder();
      ident.forEach(i -> b.append('.').append(i));
      return b.toString();
    }
  }

  /** {@code (pipeline).A.B}. */
  record ChainNode(int pos, Node node, List<String> fields) implements Node {
    @Override
    public String toString() {
      StringBuilder b = new StringBuilder(node instanceof PipeNode ? "(" + node + ")" : node.toString());
      fields.forEach(f -> b.append('.').append(f));
      return b.toString();
    }
  }

  record BoolNode(int pos, boolean value) implements Node {
    @Override
    public String toString() {
      return value ? "true" : "false";
    }
  }

  /** A number constant; Go's flags say which Go types it can be. */
  record NumberNode(int pos, String text, boolean isInt, long intValue, boolean isUint, boolean isFloat,
      double floatValue, boolean isComplex) implements Node {
    @Override
    public String toString() {
      return text;
    }
  }

  record StringNode(int pos, String quoted, String text) implements Node {
    @Override
    public String toString() {
      return quoted;
    }
  }

  record EndNode(int pos) implements Node {
    @Override
    public String toString() {
      return "{{end}}";
    }
  }

  record ElseNode(int pos, int line) implements Node {
    @Override
    public String toString() {
      return "{{else}}";
    }
  }

  /** {@code if}, {@code range} or {@code with}; elseList may be null. */
  record BranchNode(String kind, int pos, int line, PipeNode pipe, ListNode list, ListNode elseList) implements Node {
    @Override
    public String toString() {
      String s = "{{" + kind + " " + pipe + "}}" + list;
      if (elseList != null) {
        s += "{{else}}" + elseList;
      }
      return s + "{{end}}";
    }
  }

  /** {@code {{template "name" pipeline}}}; pipe may be null. */
  record TemplateNode(int pos, int line, String name, PipeNode pipe) implements Node {
    @Override
    public String toString() {
      return pipe == null ? "{{template " + GoStrings.quote(name) + "}}" : "{{template " + GoStrings.quote(name) + " " + pipe + "}}";
    }
  }

  record BreakNode(int pos, int line) implements Node {
    @Override
    public String toString() {
      return "{{break}}";
    }
  }

  record ContinueNode(int pos, int line) implements Node {
    @Override
    public String toString() {
      return "{{continue}}";
    }
  }
}
