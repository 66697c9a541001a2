package io.cairn.monitor.template.gotemplate;

import io.cairn.monitor.template.gotemplate.Item.Type;
import io.cairn.monitor.template.gotemplate.Node.ActionNode;
import io.cairn.monitor.template.gotemplate.Node.BoolNode;
import io.cairn.monitor.template.gotemplate.Node.BranchNode;
import io.cairn.monitor.template.gotemplate.Node.BreakNode;
import io.cairn.monitor.template.gotemplate.Node.ChainNode;
import io.cairn.monitor.template.gotemplate.Node.CommandNode;
import io.cairn.monitor.template.gotemplate.Node.ContinueNode;
import io.cairn.monitor.template.gotemplate.Node.DotNode;
import io.cairn.monitor.template.gotemplate.Node.ElseNode;
import io.cairn.monitor.template.gotemplate.Node.EndNode;
import io.cairn.monitor.template.gotemplate.Node.FieldNode;
import io.cairn.monitor.template.gotemplate.Node.IdentifierNode;
import io.cairn.monitor.template.gotemplate.Node.ListNode;
import io.cairn.monitor.template.gotemplate.Node.NilNode;
import io.cairn.monitor.template.gotemplate.Node.PipeNode;
import io.cairn.monitor.template.gotemplate.Node.StringNode;
import io.cairn.monitor.template.gotemplate.Node.TemplateNode;
import io.cairn.monitor.template.gotemplate.Node.TextNode;
import io.cairn.monitor.template.gotemplate.Node.VariableNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Go 1.19's {@code text/template/parse} parser: builds the main tree and the trees of {@code
 * define}/{@code block}, checks that functions exist and variables are declared. Errors are Go's
 * ({@code template: <name>:<line>: <message>}).
 */
final class Parser {
  private final String name;
  private final List<Item> items;
  private final Set<String> funcs;
  private final Map<String, ListNode> trees;
  private int index;
  private int maxRead;
  private List<String> vars = new ArrayList<>(List.of("$"));
  private int rangeDepth;
  private int actionLine;

  private Parser(String name, List<Item> items, Set<String> funcs, Map<String, ListNode> trees) {
    this.name = name;
    this.items = items;
    this.funcs = funcs;
    this.trees = trees;
  }

  /** Parses {@code text} named {@code name} into {@code trees} (the main tree and defined ones). */
  static void parse(String name, String text, Set<String> funcs, Map<String, ListNode> trees) throws GoTemplateException {
    Parser p = new Parser(name, Lexer.lex(text), funcs, trees);
    try {
      ListNode root = p.parseRoot();
      p.add(name, root);
    } catch (ParseError e) {
      throw new GoTemplateException(e.getMessage());
    }
  }

  private static final class ParseError extends RuntimeException {
    ParseError(String m) {
      super(m, null, false, false);
    }
  }

  // ---- token access

  private Item next() {
    Item it = items.get(Math.min(index, items.size() - 1));
    maxRead = Math.max(maxRead, Math.min(index, items.size() - 1));
    index++;
    return it;
  }

  private void backup() {
    index--;
  }

  private Item peek() {
    Item it = next();
    backup();
    return it;
  }

  private Item nextNonSpace() {
    Item it;
    do {
      it = next();
    } while (it.type() == Type.SPACE);
    return it;
  }

  private Item peekNonSpace() {
    Item it = nextNonSpace();
    backup();
    return it;
  }

  private ParseError error(String msg) {
    return new ParseError("template: " + name + ":" + items.get(maxRead).line() + ": " + msg);
  }

  private ParseError unexpected(Item token, String context) {
    if (token.type() == Type.ERROR) {
      String extra = "";
      if (actionLine != 0 && actionLine != token.line()) {
        extra = " in action started at " + name + ":" + actionLine;
        if (token.val().endsWith(" action")) {
          extra = extra.substring(" in action".length());
        }
      }
      return error(token + extra);
    }
    return error("unexpected " + token + " in " + context);
  }

  private Item expect(Type t, String context) {
    Item token = nextNonSpace();
    if (token.type() != t) {
      throw unexpected(token, context);
    }
    return token;
  }

  // ---- structure

  private void add(String treeName, ListNode root) {
    ListNode existing = trees.get(treeName);
    if (existing == null || isEmptyTree(existing)) {
      trees.put(treeName, root);
      return;
    }
    if (!isEmptyTree(root)) {
      throw error("template: multiple definition of template " + GoStrings.quote(treeName));
    }
  }

  private static boolean isEmptyTree(Node n) {
    return switch (n) {
      case ListNode l -> l.nodes().stream().allMatch(Parser::isEmptyTree);
      case TextNode t -> t.text().isBlank();
      default -> false;
    };
  }

  private ListNode parseRoot() {
    ListNode root = new ListNode(peek().pos());
    while (peek().type() != Type.EOF) {
      if (peek().type() == Type.LEFT_DELIM) {
        int mark = index;
        next();
        if (nextNonSpace().type() == Type.DEFINE) {
          parseDefinition();
          continue;
        }
        index = mark;
      }
      Node n = textOrAction();
      if (n instanceof EndNode || n instanceof ElseNode) {
        throw error("unexpected " + n);
      }
      root.nodes().add(n);
    }
    return root;
  }

  private void parseDefinition() {
    String context = "define clause";
    Item token = nextNonSpace();
    if (token.type() != Type.STRING && token.type() != Type.RAW_STRING) {
      throw unexpected(token, context);
    }
    String defName = unquote(token.val());
    expect(Type.RIGHT_DELIM, context);
    List<String> saved = vars;
    vars = new ArrayList<>(List.of("$"));
    int savedRange = rangeDepth;
    rangeDepth = 0;
    ListNode list = new ListNode(peekNonSpace().pos());
    Node end = itemList(list);
    if (!(end instanceof EndNode)) {
      throw error("unexpected " + end + " in " + context);
    }
    add(defName, list);
    vars = saved;
    rangeDepth = savedRange;
  }

  private String unquote(String lit) {
    try {
      return GoStrings.unquote(lit);
    } catch (IllegalArgumentException e) {
      throw error(e.getMessage());
    }
  }

  /** Fills {@code list} up to an {@code end} or {@code else}, which it returns. */
  private Node itemList(ListNode list) {
    while (peekNonSpace().type() != Type.EOF) {
      Node n = textOrAction();
      if (n instanceof EndNode || n instanceof ElseNode) {
        return n;
      }
      list.nodes().add(n);
    }
    throw error("unexpected EOF");
  }

  private Node textOrAction() {
    Item token = nextNonSpace();
    switch (token.type()) {
      case TEXT -> {
        return new TextNode(token.pos(), token.val());
      }
      case LEFT_DELIM -> {
        actionLine = token.line();
        try {
          return action();
        } finally {
          actionLine = 0;
        }
      }
      default -> throw unexpected(token, "input");
    }
  }

  private Node action() {
    Item token = nextNonSpace();
    switch (token.type()) {
      case BLOCK -> {
        return blockControl();
      }
      case BREAK, CONTINUE -> {
        String what = token.type() == Type.BREAK ? "{{break}}" : "{{continue}}";
        Item t = nextNonSpace();
        if (t.type() != Type.RIGHT_DELIM) {
          throw unexpected(t, what);
        }
        if (rangeDepth == 0) {
          throw error(what + " outside {{range}}");
        }
        return token.type() == Type.BREAK ? new BreakNode(token.pos(), token.line()) : new ContinueNode(token.pos(), token.line());
      }
      case ELSE -> {
        Item p = peekNonSpace();
        if (p.type() == Type.IF) {
          return new ElseNode(p.pos(), p.line());
        }
        Item t = expect(Type.RIGHT_DELIM, "else");
        return new ElseNode(t.pos(), t.line());
      }
      case END -> {
        return new EndNode(expect(Type.RIGHT_DELIM, "end").pos());
      }
      case IF -> {
        return control("if", true);
      }
      case RANGE -> {
        return control("range", false);
      }
      case WITH -> {
        return control("with", false);
      }
      case TEMPLATE -> {
        return templateControl();
      }
      default -> {
        backup();
        Item t = peek();
        return new ActionNode(t.pos(), t.line(), pipeline("command", Type.RIGHT_DELIM));
      }
    }
  }

  private BranchNode control(String context, boolean allowElseIf) {
    int mark = vars.size();
    try {
      PipeNode pipe = pipeline(context, Type.RIGHT_DELIM);
      if (context.equals("range")) {
        rangeDepth++;
      }
      ListNode list = new ListNode(peekNonSpace().pos());
      Node next = itemList(list);
      if (context.equals("range")) {
        rangeDepth--;
      }
      ListNode elseList = null;
      if (next instanceof ElseNode) {
        if (allowElseIf && peek().type() == Type.IF) {
          next();
          elseList = new ListNode(next.pos());
          elseList.nodes().add(control("if", true));
        } else {
          elseList = new ListNode(peekNonSpace().pos());
          Node end = itemList(elseList);
          if (!(end instanceof EndNode)) {
            throw error("expected end; found " + end);
          }
        }
      }
      return new BranchNode(context, pipe.pos(), pipe.line, pipe, list, elseList);
    } finally {
      vars.subList(mark, vars.size()).clear();
    }
  }

  private String templateName(Item token, String context) {
    if (token.type() == Type.STRING || token.type() == Type.RAW_STRING) {
      return unquote(token.val());
    }
    throw unexpected(token, context);
  }

  private Node templateControl() {
    String context = "template clause";
    Item token = nextNonSpace();
    String tname = templateName(token, context);
    PipeNode pipe = null;
    if (nextNonSpace().type() != Type.RIGHT_DELIM) {
      backup();
      pipe = pipeline(context, Type.RIGHT_DELIM);
    }
    return new TemplateNode(token.pos(), token.line(), tname, pipe);
  }

  private Node blockControl() {
    String context = "block clause";
    Item token = nextNonSpace();
    String bname = templateName(token, context);
    PipeNode pipe = pipeline(context, Type.RIGHT_DELIM);
    List<String> saved = vars;
    vars = new ArrayList<>(List.of("$"));
    int savedRange = rangeDepth;
    rangeDepth = 0;
    ListNode list = new ListNode(peekNonSpace().pos());
    Node end = itemList(list);
    if (!(end instanceof EndNode)) {
      throw error("unexpected " + end + " in " + context);
    }
    vars = saved;
    rangeDepth = savedRange;
    add(bname, list);
    return new TemplateNode(token.pos(), token.line(), bname, pipe);
  }

  // ---- pipelines

  private PipeNode pipeline(String context, Type end) {
    Item first = peekNonSpace();
    PipeNode pipe = new PipeNode(first.pos(), first.line());
    decls:
    while (true) {
      Item v = peekNonSpace();
      if (v.type() != Type.VARIABLE) {
        break;
      }
      int save = index;
      nextNonSpace();
      Item nx = peekNonSpace();
      if (nx.type() == Type.ASSIGN || nx.type() == Type.DECLARE) {
        pipe.isAssign = nx.type() == Type.ASSIGN;
        nextNonSpace();
        pipe.decl.add(new VariableNode(v.pos(), List.of(v.val())));
        vars.add(v.val());
        break;
      } else if (nx.type() == Type.CHAR && nx.val().equals(",")) {
        nextNonSpace();
        pipe.decl.add(new VariableNode(v.pos(), List.of(v.val())));
        vars.add(v.val());
        if (context.equals("range") && pipe.decl.size() < 2) {
          Type t = peekNonSpace().type();
          if (t == Type.VARIABLE || t == Type.RIGHT_DELIM || t == Type.RIGHT_PAREN) {
            continue decls;
          }
          throw error("range can only initialize variables");
        }
        throw error("too many declarations in " + context);
      } else {
        index = save; // $x is an operand, not a declaration
        break;
      }
    }
    while (true) {
      Item token = nextNonSpace();
      if (token.type() == end) {
        checkPipeline(pipe, context);
        return pipe;
      }
      switch (token.type()) {
        case BOOL, CHAR_CONSTANT, COMPLEX, DOT, FIELD, IDENTIFIER, NUMBER, NIL, RAW_STRING, STRING, VARIABLE,
            LEFT_PAREN -> {
          backup();
          pipe.cmds.add(command());
        }
        default -> throw unexpected(token, context);
      }
    }
  }

  private void checkPipeline(PipeNode pipe, String context) {
    if (pipe.cmds.isEmpty()) {
      throw error("missing value for " + context);
    }
    for (int i = 1; i < pipe.cmds.size(); i++) {
      Node a = pipe.cmds.get(i).args().get(0);
      if (a instanceof BoolNode || a instanceof DotNode || a instanceof NilNode || a instanceof Node.NumberNode
          || a instanceof StringNode) {
        throw error("non executable command in pipeline stage " + (i + 1));
      }
    }
  }

  private CommandNode command() {
    CommandNode cmd = new CommandNode(peekNonSpace().pos());
    while (true) {
      peekNonSpace();
      Node operand = operand();
      if (operand != null) {
        cmd.args().add(operand);
      }
      Item token = next();
      switch (token.type()) {
        case SPACE -> {
          continue;
        }
        case RIGHT_DELIM, RIGHT_PAREN -> backup();
        case PIPE -> {}
        default -> throw unexpected(token, "operand");
      }
      break;
    }
    if (cmd.args().isEmpty()) {
      throw error("empty command");
    }
    return cmd;
  }

  private Node operand() {
    Node node = term();
    if (node == null) {
      return null;
    }
    if (peek().type() == Type.FIELD) {
      int chainPos = peek().pos();
      List<String> fields = new ArrayList<>();
      while (peek().type() == Type.FIELD) {
        fields.addAll(Arrays.asList(next().val().substring(1).split("\\.", -1)));
      }
      switch (node) {
        case FieldNode f -> {
          List<String> all = new ArrayList<>(f.ident());
          all.addAll(fields);
          return new FieldNode(chainPos, all);
        }
        case VariableNode v -> {
          List<String> all = new ArrayList<>(v.ident());
          all.addAll(fields);
          return new VariableNode(chainPos, all);
        }
        case BoolNode b -> throw error("unexpected . after term " + GoStrings.quote(b.toString()));
        case StringNode s -> throw error("unexpected . after term " + GoStrings.quote(s.toString()));
        case Node.NumberNode n -> throw error("unexpected . after term " + GoStrings.quote(n.toString()));
        case NilNode n -> throw error("unexpected . after term " + GoStrings.quote(n.toString()));
        case DotNode d -> throw error("unexpected . after term " + GoStrings.quote(d.toString()));
        default -> {
          return new ChainNode(chainPos, node, fields);
        }
      }
    }
    return node;
  }

  private Node term() {
    Item token = nextNonSpace();
    switch (token.type()) {
      case IDENTIFIER -> {
        if (!funcs.contains(token.val()) && !Builtins.NAMES.contains(token.val())) {
          throw error("function " + GoStrings.quote(token.val()) + " not defined");
        }
        return new IdentifierNode(token.pos(), token.val());
      }
      case DOT -> {
        return new DotNode(token.pos());
      }
      case NIL -> {
        return new NilNode(token.pos());
      }
      case VARIABLE -> {
        List<String> ident = Arrays.asList(token.val().split("\\.", -1));
        if (!vars.contains(ident.get(0))) {
          throw error("undefined variable " + GoStrings.quote(ident.get(0)));
        }
        return new VariableNode(token.pos(), ident);
      }
      case FIELD -> {
        return new FieldNode(token.pos(), Arrays.asList(token.val().substring(1).split("\\.", -1)));
      }
      case BOOL -> {
        return new BoolNode(token.pos(), token.val().equals("true"));
      }
      case CHAR_CONSTANT, COMPLEX, NUMBER -> {
        try {
          return Numbers.parse(token.pos(), token.val(), token.type());
        } catch (IllegalArgumentException e) {
          throw error(e.getMessage());
        }
      }
      case LEFT_PAREN -> {
        return pipeline("parenthesized pipeline", Type.RIGHT_PAREN);
      }
      case STRING, RAW_STRING -> {
        return new StringNode(token.pos(), token.val(), unquote(token.val()));
      }
      default -> {
        backup();
        return null;
      }
    }
  }
}
