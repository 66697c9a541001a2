package io.cairn.promql.parser;

/** The type an expression evaluates to, named as Prometheus names it in errors ({@link #promName}). */
public enum ValueType {
  NONE("none"),
  SCALAR("scalar"),
  VECTOR("instant vector"),
  MATRIX("range vector"),
  STRING("string");

  private final String promName;

  ValueType(String promName) {
    this.promName = promName;
  }

  /** The name in Prometheus's parse errors: {@code scalar}, {@code instant vector}, … */
  public String promName() {
    return promName;
  }

  /** The name in the HTTP API's {@code resultType}: {@code scalar}, {@code vector}, {@code matrix}, {@code string}. */
  public String apiName() {
    return switch (this) {
      case NONE -> "none";
      case SCALAR -> "scalar";
      case VECTOR -> "vector";
      case MATRIX -> "matrix";
      case STRING -> "string";
    };
  }
}
