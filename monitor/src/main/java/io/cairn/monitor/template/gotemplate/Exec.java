package io.cairn.monitor.template.gotemplate;

import io.cairn.monitor.template.gotemplate.Node.ActionNode;
import io.cairn.monitor.template.gotemplate.Node.BoolNode;
import io.cairn.monitor.template.gotemplate.Node.BranchNode;
import io.cairn.monitor.template.gotemplate.Node.BreakNode;
import io.cairn.monitor.template.gotemplate.Node.ChainNode;
import io.cairn.monitor.template.gotemplate.Node.CommandNode;
import io.cairn.monitor.template.gotemplate.Node.ContinueNode;
import io.cairn.monitor.template.gotemplate.Node.DotNode;
import io.cairn.monitor.template.gotemplate.Node.FieldNode;
import io.cairn.monitor.template.gotemplate.Node.IdentifierNode;
import io.cairn.monitor.template.gotemplate.Node.ListNode;
import io.cairn.monitor.template.gotemplate.Node.NilNode;
import io.cairn.monitor.template.gotemplate.Node.NumberNode;
import io.cairn.monitor.template.gotemplate.Node.PipeNode;
import io.cairn.monitor.template.gotemplate.Node.StringNode;
import io.cairn.monitor.template.gotemplate.Node.TemplateNode;
import io.cairn.monitor.template.gotemplate.Node.TextNode;
import io.cairn.monitor.template.gotemplate.Node.VariableNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Go 1.19's {@code text/template} executor ({@code exec.go}) with {@code missingkey=zero}: the
 * node being evaluated ({@link #at}) decides the location in error messages, as in Go.
 */
final class Exec {
  private static final Object MISSING = new Object();

  private static final class Var {
    final String name;
    Object value;

    Var(String name, Object value) {
      this.name = name;
      this.value = value;
    }
  }

  static final class ExecError extends RuntimeException {
    ExecError(String m) {
      super(m, null, false, false);
    }
  }

  private static final class Break extends RuntimeException {
    Break() {
      super(null, null, false, false);
    }
  }

  private static final class Continue extends RuntimeException {
    Continue() {
      super(null, null, false, false);
    }
  }

  private static final Break BREAK = new Break();
  private static final Continue CONTINUE = new Continue();

  private final String parseName;
  private final String text;
  private final Map<String, ListNode> trees;
  private final Map<String, GoFunc> funcs;
  private final Limits limits;
  private final StringBuilder out = new StringBuilder();
  private String tmplName;
  private Node node;
  private List<Var> vars = new ArrayList<>();
  private int depth;
  private long steps;

  Exec(String parseName, String text, Map<String, ListNode> trees, Map<String, GoFunc> funcs, Limits limits) {
    this.parseName = parseName;
    this.text = text;
    this.trees = trees;
    this.funcs = funcs;
    this.limits = limits;
  }

  String run(String name, Object data) {
    ListNode root = trees.get(name);
    tmplName = name;
    if (root == null) {
      throw new ExecError("template: " + name + ": " + GoStrings.quote(name) + " is an incomplete or empty template");
    }
    vars.add(new Var("$", data));
    walk(data, root);
    return out.toString();
  }

  // ---- errors

  private void at(Node n) {
    node = n;
  }

  ExecError error(String msg) {
    if (node == null) {
      return new ExecError("template: " + tmplName + ": " + msg);
    }
    int pos = Math.min(node.pos(), text.length());
    String before = text.substring(0, pos);
    int nl = before.lastIndexOf('\n');
    int col = io.cairn.common.text.GoStrings.utf8Length(nl < 0 ? before : before.substring(nl + 1));
    int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
    String context = node.toString();
    return new ExecError("template: " + parseName + ":" + line + ":" + col + ": executing " + GoStrings.quote(tmplName)
        + " at <" + context + ">: " + msg);
  }

  private void step() {
    if (++steps > limits.maxSteps()) {
      throw error("template execution exceeds the limit of " + limits.maxSteps() + " steps");
    }
  }

  private void write(String s) {
    out.append(s);
    if (out.length() > limits.maxOutputChars()) {
      throw error("template output exceeds the limit of " + limits.maxOutputChars() + " characters");
    }
  }

  // ---- walking

  private void walk(Object dot, Node n) {
    step();
    at(n);
    switch (n) {
      case ActionNode a -> {
        Object val = evalPipeline(dot, a.pipe());
        if (a.pipe().decl.isEmpty()) {
          printValue(a, val);
        }
      }
      case BreakNode b -> throw BREAK;
      case ContinueNode c -> throw CONTINUE;
      case BranchNode b when b.kind().equals("range") -> walkRange(dot, b);
      case BranchNode b -> walkIfOrWith(dot, b);
      case ListNode l -> {
        for (Node c : l.nodes()) {
          walk(dot, c);
        }
      }
      case TemplateNode t -> walkTemplate(dot, t);
      case TextNode t -> write(t.text());
      default -> throw error("unknown node: " + n);
    }
  }

  private void walkIfOrWith(Object dot, BranchNode b) {
    int mark = vars.size();
    try {
      Object val = evalPipeline(dot, b.pipe());
      Boolean truth = Values.truth(val);
      if (truth == null) {
        throw error("if/with can't use " + GoFmt.sprint(java.util.Collections.singletonList(val)));
      }
      if (truth) {
        walk(b.kind().equals("with") ? val : dot, b.list());
      } else if (b.elseList() != null) {
        walk(dot, b.elseList());
      }
    } finally {
      pop(mark);
    }
  }

  private void pop(int mark) {
    if (vars.size() > mark) {
      vars.subList(mark, vars.size()).clear();
    }
  }

  private void walkRange(Object dot, BranchNode r) {
    at(r);
    int outer = vars.size();
    try {
      Object val = evalPipeline(dot, r.pipe());
      int mark = vars.size();
      List<?> keys;
      List<?> elems;
      switch (val) {
        case List<?> l -> {
          List<Object> ks = new ArrayList<>();
          for (long i = 0; i < l.size(); i++) {
            ks.add(i);
          }
          keys = ks;
          elems = l;
        }
        case Map<?, ?> m -> {
          TreeMap<Object, Object> sorted = new TreeMap<>(m);
          keys = new ArrayList<>(sorted.keySet());
          elems = new ArrayList<>(sorted.values());
        }
        case null -> {
          keys = List.of();
          elems = List.of();
        }
        default -> throw error("range can't iterate over " + GoFmt.sprint(java.util.Collections.singletonList(val)));
      }
      for (int i = 0; i < elems.size(); i++) {
        if (!oneIteration(r, keys.get(i), elems.get(i), mark)) {
          return;
        }
      }
      if (elems.isEmpty() && r.elseList() != null) {
        walk(dot, r.elseList());
      }
    } finally {
      pop(outer);
    }
  }

  /** One iteration; false after {@code break}. */
  private boolean oneIteration(BranchNode r, Object index, Object elem, int mark) {
    PipeNode p = r.pipe();
    if (!p.decl.isEmpty()) {
      if (p.isAssign) {
        setVar(p.decl.get(0).ident().get(0), p.decl.size() > 1 ? index : elem);
      } else {
        vars.get(vars.size() - 1).value = elem;
      }
    }
    if (p.decl.size() > 1) {
      if (p.isAssign) {
        setVar(p.decl.get(1).ident().get(0), elem);
      } else {
        vars.get(vars.size() - 2).value = index;
      }
    }
    try {
      walk(elem, r.list());
    } catch (Break b) {
      return false;
    } catch (Continue c) {
      // next iteration
    } finally {
      pop(mark);
    }
    return true;
  }

  private void walkTemplate(Object dot, TemplateNode t) {
    at(t);
    ListNode tree = trees.get(t.name());
    if (tree == null) {
      throw error("template " + GoStrings.quote(t.name()) + " not defined");
    }
    if (depth >= limits.maxDepth()) {
      throw error("exceeded maximum template depth (" + limits.maxDepth() + ")");
    }
    Object newDot = evalPipeline(dot, t.pipe());
    String savedName = tmplName;
    List<Var> savedVars = vars;
    depth++;
    tmplName = t.name();
    vars = new ArrayList<>();
    vars.add(new Var("$", newDot));
    try {
      walk(newDot, tree);
    } finally {
      depth--;
      tmplName = savedName;
      vars = savedVars;
    }
  }

  private void setVar(String name, Object value) {
    for (int i = vars.size() - 1; i >= 0; i--) {
      if (vars.get(i).name.equals(name)) {
        vars.get(i).value = value;
        return;
      }
    }
    throw error("undefined variable: " + name);
  }

  private Object varValue(String name) {
    for (int i = vars.size() - 1; i >= 0; i--) {
      if (vars.get(i).name.equals(name)) {
        return vars.get(i).value;
      }
    }
    throw error("undefined variable: " + name);
  }

  private void printValue(Node n, Object v) {
    at(n);
    write(v == null ? "<no value>" : GoFmt.sprintIndirect(v));
  }

  // ---- evaluation

  Object evalPipeline(Object dot, PipeNode pipe) {
    if (pipe == null) {
      return null;
    }
    at(pipe);
    Object value = MISSING;
    for (CommandNode cmd : pipe.cmds) {
      value = evalCommand(dot, cmd, value);
    }
    for (VariableNode v : pipe.decl) {
      if (pipe.isAssign) {
        setVar(v.ident().get(0), value);
      } else {
        vars.add(new Var(v.ident().get(0), value));
      }
    }
    return value;
  }

  private Object evalCommand(Object dot, CommandNode cmd, Object fin) {
    step();
    Node first = cmd.args().get(0);
    switch (first) {
      case FieldNode f -> {
        return evalFieldNode(dot, f, cmd.args(), fin);
      }
      case ChainNode c -> {
        return evalChainNode(dot, c, cmd.args(), fin);
      }
      case IdentifierNode id -> {
        return evalFunction(dot, id, cmd, cmd.args(), fin);
      }
      case PipeNode p -> {
        notAFunction(cmd.args(), fin);
        return evalPipeline(dot, p);
      }
      case VariableNode v -> {
        return evalVariableNode(dot, v, cmd.args(), fin);
      }
      default -> {}
    }
    at(first);
    notAFunction(cmd.args(), fin);
    return switch (first) {
      case BoolNode b -> b.value();
      case DotNode d -> dot;
      case NilNode n -> throw error("nil is not a command");
      case NumberNode n -> idealConstant(n);
      case StringNode s -> s.text();
      default -> throw error("can't evaluate command " + GoStrings.quote(first.toString()));
    };
  }

  private void notAFunction(List<Node> args, Object fin) {
    if (args.size() > 1 || fin != MISSING) {
      throw error("can't give argument to non-function " + args.get(0));
    }
  }

  private Object idealConstant(NumberNode c) {
    at(c);
    String t = c.text();
    boolean hexInt = t.length() > 2 && t.charAt(0) == '0' && (t.charAt(1) == 'x' || t.charAt(1) == 'X')
        && t.indexOf('p') < 0 && t.indexOf('P') < 0;
    boolean runeInt = t.startsWith("'");
    if (c.isFloat() && !hexInt && !runeInt && t.matches(".*[.eEpP].*")) {
      return c.floatValue();
    }
    if (c.isInt()) {
      return c.intValue();
    }
    if (c.isUint()) {
      throw error(t + " overflows int");
    }
    return null;
  }

  private Object evalFieldNode(Object dot, FieldNode f, List<Node> args, Object fin) {
    at(f);
    return evalFieldChain(dot, dot, f, f.ident(), args, fin);
  }

  private Object evalChainNode(Object dot, ChainNode c, List<Node> args, Object fin) {
    at(c);
    if (c.node() instanceof NilNode) {
      throw error("indirection through explicit nil in " + c);
    }
    Object pipe = evalArg(dot, null, c.node());
    return evalFieldChain(dot, pipe, c, c.fields(), args, fin);
  }

  private Object evalVariableNode(Object dot, VariableNode v, List<Node> args, Object fin) {
    at(v);
    Object value = varValue(v.ident().get(0));
    if (v.ident().size() == 1) {
      notAFunction(args, fin);
      return value;
    }
    return evalFieldChain(dot, value, v, v.ident().subList(1, v.ident().size()), args, fin);
  }

  private Object evalFieldChain(Object dot, Object receiver, Node n, List<String> ident, List<Node> args, Object fin) {
    int last = ident.size() - 1;
    for (int i = 0; i < last; i++) {
      receiver = evalField(ident.get(i), List.of(), MISSING, receiver);
    }
    return evalField(ident.get(last), args, fin, receiver);
  }

  private Object evalField(String name, List<Node> args, Object fin, Object receiver) {
    if (receiver == null) {
      return null;
    }
    boolean hasArgs = args.size() > 1 || fin != MISSING;
    if (receiver instanceof GoStruct s && s.hasField(name)) {
      if (hasArgs) {
        throw error(name + " has arguments but cannot be invoked as function");
      }
      return s.field(name);
    }
    if (receiver instanceof Map<?, ?> m) {
      if (hasArgs) {
        throw error(name + " is not a method but has arguments");
      }
      return m.containsKey(name) ? m.get(name) : Values.zeroElement(m);
    }
    throw error("can't evaluate field " + name + " in type " + Values.typeName(receiver));
  }

  private Object evalFunction(Object dot, IdentifierNode id, Node cmd, List<Node> args, Object fin) {
    at(id);
    GoFunc f = funcs.get(id.name());
    boolean builtin = false;
    if (f == null) {
      f = Builtins.FUNCS.get(id.name());
      builtin = true;
    }
    if (f == null) {
      throw error(GoStrings.quote(id.name()) + " is not a defined function");
    }
    return evalCall(dot, f, builtin, cmd, id.name(), args, fin);
  }

  private Object evalCall(Object dot, GoFunc fun, boolean builtin, Node n, String name, List<Node> args, Object fin) {
    List<Node> actual = args == null ? List.of() : args.subList(1, args.size());
    int numParams = fun.params().size();
    int numIn = actual.size() + (fin != MISSING ? 1 : 0);
    int numFixed = actual.size();
    if (fun.variadic()) {
      numFixed = numParams - 1;
      if (numIn < numFixed) {
        throw error("wrong number of args for " + name + ": want at least " + numFixed + " got " + actual.size());
      }
    } else if (numIn != numParams) {
      throw error("wrong number of args for " + name + ": want " + numParams + " got " + numIn);
    }
    if (builtin && (name.equals("and") || name.equals("or"))) {
      Object v = null;
      for (Node arg : actual) {
        v = evalArg(dot, GoType.VALUE, arg);
        if (Values.truth(v) == Boolean.TRUE == name.equals("or")) {
          return v;
        }
      }
      if (fin != MISSING) {
        v = validateType(fin, GoType.VALUE);
      }
      return v;
    }
    List<Object> argv = new ArrayList<>(numIn);
    int i = 0;
    for (; i < numFixed && i < actual.size(); i++) {
      argv.add(evalArg(dot, fun.params().get(i), actual.get(i)));
    }
    if (fun.variadic()) {
      GoType t = fun.params().get(numParams - 1);
      for (; i < actual.size(); i++) {
        argv.add(evalArg(dot, t, actual.get(i)));
      }
    }
    if (fin != MISSING) {
      GoType t = fun.params().get(fun.variadic() && numIn - 1 < numFixed ? numIn - 1 : numParams - 1);
      argv.add(validateType(fin, t));
    }
    try {
      return normalize(fun.body().call(argv));
    } catch (ExecError e) {
      throw e;
    } catch (Exception | StackOverflowError e) {
      at(n);
      String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw error("error calling " + name + ": " + msg);
    }
  }

  private static Object normalize(Object v) {
    return switch (v) {
      case Integer i -> (long) i;
      case Float f -> (double) f;
      default -> v;
    };
  }

  private Object validateType(Object value, GoType typ) {
    if (typ == null) {
      return value;
    }
    if (value == null) {
      if (typ.canBeNil()) {
        return null;
      }
      throw error("invalid value; expected " + typ);
    }
    if (!typ.accepts(value)) {
      throw error("wrong type for value; expected " + typ + "; got " + Values.typeName(value));
    }
    return value;
  }

  private Object evalArg(Object dot, GoType typ, Node n) {
    at(n);
    switch (n) {
      case DotNode d -> {
        return validateType(dot, typ);
      }
      case NilNode nil -> {
        if (typ != null && typ.canBeNil()) {
          return null;
        }
        throw error("cannot assign nil to " + typ);
      }
      case FieldNode f -> {
        return validateType(evalFieldNode(dot, f, List.of(n), MISSING), typ);
      }
      case VariableNode v -> {
        return validateType(evalVariableNode(dot, v, List.of(n), MISSING), typ);
      }
      case PipeNode p -> {
        return validateType(evalPipeline(dot, p), typ);
      }
      case IdentifierNode id -> {
        return validateType(evalFunction(dot, id, id, null, MISSING), typ);
      }
      case ChainNode c -> {
        return validateType(evalChainNode(dot, c, List.of(n), MISSING), typ);
      }
      default -> {}
    }
    GoType.Kind k = typ == null ? GoType.Kind.ANY : typ.kind();
    switch (k) {
      case BOOL -> {
        if (n instanceof BoolNode b) {
          return b.value();
        }
        throw error("expected bool; found " + n);
      }
      case FLOAT -> {
        if (n instanceof NumberNode num && num.isFloat()) {
          return num.floatValue();
        }
        throw error("expected float; found " + n);
      }
      case INT -> {
        if (n instanceof NumberNode num && num.isInt()) {
          return num.intValue();
        }
        throw error("expected integer; found " + n);
      }
      case STRING -> {
        if (n instanceof StringNode s) {
          return s.text();
        }
        throw error("expected string; found " + n);
      }
      case ANY, VALUE -> {
        return evalEmptyInterface(dot, n);
      }
      default -> throw error("can't handle " + n + " for arg of type " + typ);
    }
  }

  private Object evalEmptyInterface(Object dot, Node n) {
    at(n);
    return switch (n) {
      case BoolNode b -> b.value();
      case NumberNode num -> idealConstant(num);
      case StringNode s -> s.text();
      default -> throw error("can't handle assignment of " + n + " to empty interface argument");
    };
  }
}
