package io.cairn.monitor.template.gotemplate;

/** A value with a Go {@code String()} method ({@code fmt.Stringer}), such as {@code time.Time}. */
public interface GoStringer extends GoTyped {
  /** What {@code String()} returns. */
  String goString();
}
