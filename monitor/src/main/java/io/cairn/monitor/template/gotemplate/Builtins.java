package io.cairn.monitor.template.gotemplate;

import io.cairn.monitor.template.gotemplate.Values.Kind;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Go 1.19's text/template builtins ({@code text/template/funcs.go}). */
final class Builtins {
  static final Set<String> NAMES = Set.of("and", "or", "not", "len", "index", "slice", "print", "printf",
      "println", "eq", "ne", "lt", "le", "gt", "ge", "html", "js", "urlquery", "call");

  private static final GoType V = GoType.VALUE;
  private static final GoType A = GoType.ANY;

  static final Map<String, GoFunc> FUNCS = Map.ofEntries(
      Map.entry("and", GoFunc.variadic(a -> a.get(0), V, V)),
      Map.entry("or", GoFunc.variadic(a -> a.get(0), V, V)),
      Map.entry("not", GoFunc.of(a -> !Values.truth(a.get(0)), V)),
      Map.entry("len", GoFunc.of(a -> length(a.get(0)), V)),
      Map.entry("index", GoFunc.variadic(a -> index(a.get(0), a.subList(1, a.size())), V, V)),
      Map.entry("slice", GoFunc.variadic(a -> slice(a.get(0), a.subList(1, a.size())), V, V)),
      Map.entry("print", GoFunc.variadic(GoFmt::sprint, A)),
      Map.entry("printf", GoFunc.variadic(a -> GoFmt.sprintf((String) a.get(0), a.subList(1, a.size())), GoType.STRING, A)),
      Map.entry("println", GoFunc.variadic(GoFmt::sprintln, A)),
      Map.entry("html", GoFunc.variadic(a -> GoStrings.htmlEscape(evalArgs(a)), A)),
      Map.entry("js", GoFunc.variadic(a -> GoStrings.jsEscape(evalArgs(a)), A)),
      Map.entry("urlquery", GoFunc.variadic(a -> GoStrings.queryEscape(evalArgs(a)), A)),
      Map.entry("call", GoFunc.variadic(Builtins::call, V, V)),
      Map.entry("eq", GoFunc.variadic(a -> eq(a.get(0), a.subList(1, a.size())), V, V)),
      Map.entry("ne", GoFunc.of(a -> !eq(a.get(0), List.of(a.get(1))), V, V)),
      Map.entry("lt", GoFunc.of(a -> lt(a.get(0), a.get(1)), V, V)),
      Map.entry("le", GoFunc.of(a -> lt(a.get(0), a.get(1)) || eq(a.get(0), List.of(a.get(1))), V, V)),
      Map.entry("gt", GoFunc.of(a -> !(lt(a.get(0), a.get(1)) || eq(a.get(0), List.of(a.get(1)))), V, V)),
      Map.entry("ge", GoFunc.of(a -> !lt(a.get(0), a.get(1)), V, V)));

  private Builtins() {}

  private static String evalArgs(List<Object> args) {
    if (args.size() == 1 && args.get(0) instanceof String s) {
      return s;
    }
    return GoFmt.sprint(args);
  }

  private static Object call(List<Object> a) throws Exception {
    Object fn = a.get(0);
    if (fn == null) {
      throw new Exception("call of nil");
    }
    throw new Exception("non-function of type " + Values.typeName(fn));
  }

  private static long length(Object item) throws Exception {
    return switch (item) {
      case null -> throw new Exception("len of nil pointer");
      case String s -> s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
      case GoHtml h -> h.value().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
      case Map<?, ?> m -> m.size();
      case List<?> l -> l.size();
      default -> throw new Exception("len of type " + Values.typeName(item));
    };
  }

  private static int indexArg(Object index, int size) throws Exception {
    if (index == null) {
      throw new Exception("cannot index slice/array with nil");
    }
    if (!(index instanceof Long x)) {
      throw new Exception("cannot index slice/array with type " + Values.typeName(index));
    }
    if (x < 0 || x > size) {
      throw new Exception("index out of range: " + x);
    }
    return (int) (long) x;
  }

  private static Object index(Object item, List<Object> indexes) throws Exception {
    if (item == null) {
      throw new Exception("index of untyped nil");
    }
    for (Object index : indexes) {
      switch (item) {
        case null -> throw new Exception("index of nil pointer");
        case String s -> {
          byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
          int x = indexArg(index, b.length);
          if (x == b.length) {
            throw new Exception("reflect: string index out of range");
          }
          item = (long) (b[x] & 0xff);
        }
        case List<?> l -> {
          int x = indexArg(index, l.size());
          if (x == l.size()) {
            throw new Exception("reflect: slice index out of range");
          }
          item = l.get(x);
        }
        case Map<?, ?> m -> {
          Object key = index == null ? "" : index;
          if (!(key instanceof String)) {
            throw new Exception("value has type " + Values.typeName(key) + "; should be string");
          }
          item = m.containsKey(key) ? m.get(key) : Values.zeroElement(m);
        }
        default -> throw new Exception("can't index item of type " + Values.typeName(item));
      }
    }
    return item;
  }

  private static Object slice(Object item, List<Object> indexes) throws Exception {
    if (item == null) {
      throw new Exception("slice of untyped nil");
    }
    if (indexes.size() > 3) {
      throw new Exception("too many slice indexes: " + indexes.size());
    }
    int cap;
    if (item instanceof String s) {
      if (indexes.size() == 3) {
        throw new Exception("cannot 3-index slice a string");
      }
      cap = s.length();
    } else if (item instanceof List<?> l) {
      cap = l.size();
    } else {
      throw new Exception("can't slice item of type " + Values.typeName(item));
    }
    int[] idx = {0, cap};
    for (int i = 0; i < indexes.size(); i++) {
      int x = indexArg(indexes.get(i), cap);
      if (i < 2) {
        idx[i] = x;
      }
    }
    if (idx[0] > idx[1]) {
      throw new Exception("invalid slice index: " + idx[0] + " > " + idx[1]);
    }
    return item instanceof String s ? s.substring(idx[0], idx[1]) : ((List<?>) item).subList(idx[0], idx[1]);
  }

  private enum Basic { BOOL, INT, FLOAT, STRING, OTHER }

  private static Basic basic(Object v) {
    return switch (Values.kind(v)) {
      case BOOL -> Basic.BOOL;
      case INT -> Basic.INT;
      case FLOAT -> Basic.FLOAT;
      case STRING -> Basic.STRING;
      default -> Basic.OTHER;
    };
  }

  static boolean eq(Object a1, List<Object> rest) throws Exception {
    Kind k = Values.kind(a1);
    if (k == Kind.MAP || k == Kind.SLICE || k == Kind.STRUCT) {
      throw new Exception("non-comparable type " + GoFmt.sprint(java.util.Collections.singletonList(a1)) + ": "
          + Values.typeName(a1));
    }
    if (rest.isEmpty()) {
      throw new Exception("missing argument for comparison");
    }
    Basic k1 = basic(a1);
    for (Object a : rest) {
      Basic k2 = basic(a);
      boolean truth = false;
      if (k1 != k2) {
        if (a1 != null && a != null) {
          throw new Exception("incompatible types for comparison");
        }
      } else {
        truth = switch (k1) {
          case BOOL, INT, STRING -> k1 == Basic.STRING ? Values.str(a1).equals(Values.str(a)) : a1.equals(a);
          case FLOAT -> (double) (Double) a1 == (Double) a;
          case OTHER -> {
            Kind ka = Values.kind(a);
            if (ka == Kind.MAP || ka == Kind.SLICE || ka == Kind.STRUCT) {
              throw new Exception("non-comparable types " + GoFmt.sprint(java.util.Collections.singletonList(a1)) + ": "
                  + Values.typeName(a1) + ", " + GoFmt.sprint(java.util.Collections.singletonList(a)) + ": " + Values.typeName(a));
            }
            yield a1 == null || a == null ? (a1 == null) == (a == null) : a1 == a;
          }
        };
      }
      if (truth) {
        return true;
      }
    }
    return false;
  }

  static boolean lt(Object a1, Object a2) throws Exception {
    Basic k1 = basic(a1);
    Basic k2 = basic(a2);
    if (k1 == Basic.OTHER || k2 == Basic.OTHER) {
      throw new Exception("invalid type for comparison");
    }
    if (k1 != k2) {
      throw new Exception("incompatible types for comparison");
    }
    return switch (k1) {
      case INT -> (Long) a1 < (Long) a2;
      case FLOAT -> (Double) a1 < (Double) a2;
      case STRING -> Values.str(a1).compareTo(Values.str(a2)) < 0;
      default -> throw new Exception("invalid type for comparison");
    };
  }
}
