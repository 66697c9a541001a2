package io.cairn.monitor.template.gotemplate;

/**
 * The Go type of a function parameter, which decides how an argument is evaluated and checked
 * (Go's {@code evalArg}/{@code validateType}).
 *
 * @param name the type as Go prints it in errors ({@code float64}, {@code *template.sample})
 * @param kind how literals convert and whether nil is allowed
 * @param javaClass the Java class of accepted values (for {@link Kind#NAMED})
 */
public record GoType(String name, Kind kind, Class<?> javaClass) {
  /** How a parameter takes its argument. */
  public enum Kind { ANY, VALUE, STRING, FLOAT, INT, BOOL, NAMED }

  /** {@code interface {}}: anything, nil included. */
  public static final GoType ANY = new GoType("interface {}", Kind.ANY, Object.class);
  /** {@code reflect.Value}, as the builtins take arguments. */
  public static final GoType VALUE = new GoType("reflect.Value", Kind.VALUE, Object.class);
  public static final GoType STRING = new GoType("string", Kind.STRING, String.class);
  public static final GoType FLOAT64 = new GoType("float64", Kind.FLOAT, Double.class);
  public static final GoType INT = new GoType("int", Kind.INT, Long.class);
  public static final GoType BOOL = new GoType("bool", Kind.BOOL, Boolean.class);

  /** A pointer, slice or map type: values of {@code javaClass}, or nil. */
  public static GoType named(String name, Class<?> javaClass) {
    return new GoType(name, Kind.NAMED, javaClass);
  }

  boolean canBeNil() {
    return kind == Kind.ANY || kind == Kind.VALUE || kind == Kind.NAMED;
  }

  boolean accepts(Object v) {
    return kind == Kind.ANY || kind == Kind.VALUE || javaClass.isInstance(v);
  }

  @Override
  public String toString() {
    return name;
  }
}
