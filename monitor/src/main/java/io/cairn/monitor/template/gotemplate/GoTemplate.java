package io.cairn.monitor.template.gotemplate;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A parsed Go text/template (Go 1.19 semantics, option {@code missingkey=zero}) with the trees it
 * defines. Immutable and thread-safe: every {@link #execute} has its own state.
 */
public final class GoTemplate {
  private final String name;
  private final String text;
  private final Map<String, Node.ListNode> trees;

  private GoTemplate(String name, String text, Map<String, Node.ListNode> trees) {
    this.name = name;
    this.text = text;
    this.trees = trees;
  }

  /**
   * Parses {@code text} as the template {@code name}.
   *
   * @param funcNames the functions besides the builtins; any other identifier is a parse error
   * @throws GoTemplateException with Go's message, such as {@code template: x:1: function "nope" not defined}
   */
  public static GoTemplate parse(String name, String text, Set<String> funcNames) throws GoTemplateException {
    Map<String, Node.ListNode> trees = new HashMap<>();
    try {
      Parser.parse(name, text, funcNames, trees);
    } catch (StackOverflowError e) {
      throw new GoTemplateException("template: " + name + ": template nests too deeply");
    }
    return new GoTemplate(name, text, Map.copyOf(trees));
  }

  /**
   * Runs the template on {@code data}.
   *
   * @param funcs the functions named at parse time (builtins need not be given)
   * @throws GoTemplateException with Go's message, such as {@code template: x:1:5: executing "x"
   *     at <.Foo>: can't evaluate field Foo in type ...}, or when a {@link Limits limit} is exceeded
   */
  public String execute(Object data, Map<String, GoFunc> funcs, Limits limits) throws GoTemplateException {
    Exec exec = new Exec(name, text, trees, funcs, limits);
    try {
      return exec.run(name, data);
    } catch (Exec.ExecError e) {
      throw new GoTemplateException(e.getMessage());
    } catch (StackOverflowError e) {
      throw new GoTemplateException("template: " + name + ": execution nests too deeply");
    }
  }
}
