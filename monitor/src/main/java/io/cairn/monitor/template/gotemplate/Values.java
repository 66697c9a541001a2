package io.cairn.monitor.template.gotemplate;

import java.util.List;
import java.util.Map;

/** Go's reflection over the Java stand-ins for Go values: kinds, type names, truth. */
final class Values {
  private Values() {}

  enum Kind { INVALID, BOOL, INT, FLOAT, STRING, MAP, SLICE, STRUCT, POINTER, OTHER }

  static Kind kind(Object v) {
    return switch (v) {
      case null -> Kind.INVALID;
      case Boolean b -> Kind.BOOL;
      case Long l -> Kind.INT;
      case Double d -> Kind.FLOAT;
      case String s -> Kind.STRING;
      case GoHtml h -> Kind.STRING;
      case GoStruct s -> s.isPointer() ? Kind.POINTER : Kind.STRUCT;
      case GoStringer s -> Kind.POINTER;
      case Map<?, ?> m -> Kind.MAP;
      case List<?> l -> Kind.SLICE;
      default -> Kind.OTHER;
    };
  }

  /** Go's {@code reflect.Type.String()} of the value. */
  static String typeName(Object v) {
    return switch (v) {
      case null -> "<nil>";
      case Boolean b -> "bool";
      case Long l -> "int";
      case Double d -> "float64";
      case String s -> "string";
      case GoTyped t -> t.goType();
      case Map<?, ?> m -> "map[string]string";
      case List<?> l -> "[]interface {}";
      default -> v.getClass().getSimpleName();
    };
  }

  /** The string of a string-kind value. */
  static String str(Object v) {
    return v instanceof GoHtml h ? h.value() : (String) v;
  }

  /** Go's {@code isTrue}; null result means "not a truth value". */
  static Boolean truth(Object v) {
    return switch (kind(v)) {
      case INVALID -> false;
      case BOOL -> (Boolean) v;
      case INT -> (Long) v != 0;
      case FLOAT -> (Double) v != 0;
      case STRING -> !str(v).isEmpty();
      case MAP -> !((Map<?, ?>) v).isEmpty();
      case SLICE -> !((List<?>) v).isEmpty();
      case STRUCT, POINTER -> true;
      case OTHER -> null;
    };
  }

  /** The zero value of a map's element type, which a missing key reads as (missingkey=zero). */
  static Object zeroElement(Map<?, ?> m) {
    return m instanceof InterfaceMap ? null : "";
  }
}
