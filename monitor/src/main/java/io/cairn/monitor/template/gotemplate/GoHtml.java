package io.cairn.monitor.template.gotemplate;

/** Go's {@code html/template.HTML}: a string type that is not assignable to string. */
public record GoHtml(String value) implements GoTyped {
  @Override
  public String goType() {
    return "template.HTML";
  }
}
