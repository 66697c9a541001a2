package io.cairn.monitor.template.gotemplate;

/**
 * A Java value that stands for a Go value of a named type. Values the engine understands without
 * it: null (nil), {@link String} (string), {@link Long} (int), {@link Double} (float64), {@link
 * Boolean} (bool), {@link java.util.Map} with String keys (map[string]string unless it is a {@link
 * GoTyped}), {@link java.util.List} (a slice, []interface {} unless it is a {@link GoTyped}).
 */
public interface GoTyped {
  /** The Go type as {@code %T} prints it, e.g. {@code *template.sample}. */
  String goType();
}
