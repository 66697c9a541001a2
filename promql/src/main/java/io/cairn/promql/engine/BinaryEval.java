package io.cairn.promql.engine;

import io.cairn.promql.parser.BinaryOp;
import io.cairn.promql.parser.Expr;
import io.cairn.promql.parser.ValueType;
import io.cairn.promql.parser.VectorMatching;
import io.cairn.promql.parser.VectorMatching.Cardinality;
import io.cairn.tsdb.model.Labels;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Binary operators between scalars and vectors, with vector matching, as Prometheus 2.42. */
final class BinaryEval {
  private BinaryEval() {}

  static List<StepSeries> eval(Evaluator ev, Expr.Binary b) {
    boolean ls = b.lhs().type() == ValueType.SCALAR;
    boolean rs = b.rhs().type() == ValueType.SCALAR;
    BinaryOp op = b.op();
    List<Expr> args = List.of(b.lhs(), b.rhs());
    if (ls && rs) {
      return ev.rangeEval((v, ts) -> List.of(new Sample(Labels.EMPTY, ts,
          scalarOp(op, v.get(0).get(0).v(), v.get(1).get(0).v()))), args);
    }
    if (ls || rs) {
      return ev.rangeEval((v, ts) -> rs
          ? vectorScalar(op, v.get(0), v.get(1).get(0).v(), false, b.returnBool())
          : vectorScalar(op, v.get(1), v.get(0).get(0).v(), true, b.returnBool()), args);
    }
    VectorMatching m = b.matching() != null
        ? b.matching()
        : new VectorMatching(op.isSetOperator() ? Cardinality.MANY_TO_MANY : Cardinality.ONE_TO_ONE, List.of(), false, List.of());
    Set<String> names = Labelling.nameSet(m.matchingLabels());
    Memo memo = new Memo();
    return ev.rangeEval((v, ts) -> switch (op) {
      case AND -> and(v.get(0), v.get(1), m, names, memo);
      case OR -> or(v.get(0), v.get(1), m, names, memo);
      case UNLESS -> unless(v.get(0), v.get(1), m, names, memo);
      default -> vectorVector(op, v.get(0), v.get(1), m, names, b.returnBool(), memo);
    }, args);
  }

  static boolean dropsName(BinaryOp op) {
    return switch (op) {
      case ADD, SUB, MUL, DIV, POW, MOD -> true;
      default -> false;
    };
  }

  static double scalarOp(BinaryOp op, double l, double r) {
    return switch (op) {
      case ADD -> l + r;
      case SUB -> l - r;
      case MUL -> l * r;
      case DIV -> l / r;
      case POW -> GoMath.pow(l, r);
      case MOD -> l % r;
      case ATAN2 -> Math.atan2(l, r);
      case EQL -> l == r ? 1 : 0;
      case NEQ -> l != r ? 1 : 0;
      case GTR -> l > r ? 1 : 0;
      case LSS -> l < r ? 1 : 0;
      case GTE -> l >= r ? 1 : 0;
      case LTE -> l <= r ? 1 : 0;
      default -> throw new QueryException(QueryException.ErrorType.INTERNAL, "operator " + op.symbol() + " not allowed for scalars");
    };
  }

  /** Whether a comparison holds (always true for arithmetic). */
  static boolean keeps(BinaryOp op, double l, double r) {
    return switch (op) {
      case EQL -> l == r;
      case NEQ -> l != r;
      case GTR -> l > r;
      case LSS -> l < r;
      case GTE -> l >= r;
      case LTE -> l <= r;
      default -> true;
    };
  }

  /** The value of an element operation: arithmetic result, or the left value for comparisons. */
  static double elemValue(BinaryOp op, double l, double r) {
    return op.isComparison() ? l : scalarOp(op, l, r);
  }

  static List<Sample> vectorScalar(BinaryOp op, List<Sample> vec, double scalar, boolean swap, boolean returnBool) {
    List<Sample> out = new ArrayList<>(vec.size());
    for (Sample s : vec) {
      double l = swap ? scalar : s.v();
      double r = swap ? s.v() : scalar;
      boolean keep = keeps(op, l, r);
      double value = elemValue(op, l, r);
      if (op.isComparison() && swap) {
        value = r;
      }
      if (returnBool) {
        value = keep ? 1 : 0;
        keep = true;
      }
      if (keep) {
        Labels labels = dropsName(op) || returnBool ? Labelling.dropMetricName(s.labels()) : s.labels();
        out.add(new Sample(labels, s.t(), value));
      }
    }
    return out;
  }

  /**
   * What one binary expression computes again at every step for the same series: match signatures
   * and result label sets. Keyed by {@link Labels} identity (a series keeps its instance from step to
   * step); the values are pure functions of the labels, so a miss only costs the computation.
   */
  static final class Memo {
    private final Map<Labels, String> sigs = new IdentityHashMap<>();
    private final Map<Labels, Map<Labels, Labels>> results = new IdentityHashMap<>();

    String sig(Labels l, VectorMatching m, Set<String> names) {
      return sigs.computeIfAbsent(l, x -> Labelling.signature(x, m.on(), names));
    }

    Labels result(Labels lhs, Labels rhs, BinaryOp op, VectorMatching m, Set<String> names) {
      return results.computeIfAbsent(lhs, x -> new IdentityHashMap<>())
          .computeIfAbsent(rhs, r -> resultMetric(lhs, r, op, m, names));
    }
  }

  private static String sig(Sample s, VectorMatching m, Set<String> names, Memo memo) {
    return memo.sig(s.labels(), m, names);
  }

  static List<Sample> and(List<Sample> lhs, List<Sample> rhs, VectorMatching m, Set<String> names, Memo memo) {
    if (lhs.isEmpty() || rhs.isEmpty()) {
      return List.of();
    }
    Set<String> right = new HashSet<>();
    rhs.forEach(s -> right.add(sig(s, m, names, memo)));
    List<Sample> out = new ArrayList<>();
    for (Sample s : lhs) {
      if (right.contains(sig(s, m, names, memo))) {
        out.add(s);
      }
    }
    return out;
  }

  static List<Sample> or(List<Sample> lhs, List<Sample> rhs, VectorMatching m, Set<String> names, Memo memo) {
    if (lhs.isEmpty() || rhs.isEmpty()) {
      List<Sample> out = new ArrayList<>(lhs);
      out.addAll(rhs);
      return out;
    }
    Set<String> left = new HashSet<>();
    List<Sample> out = new ArrayList<>(lhs);
    lhs.forEach(s -> left.add(sig(s, m, names, memo)));
    for (Sample s : rhs) {
      if (!left.contains(sig(s, m, names, memo))) {
        out.add(s);
      }
    }
    return out;
  }

  static List<Sample> unless(List<Sample> lhs, List<Sample> rhs, VectorMatching m, Set<String> names, Memo memo) {
    if (lhs.isEmpty() || rhs.isEmpty()) {
      return lhs;
    }
    Set<String> right = new HashSet<>();
    rhs.forEach(s -> right.add(sig(s, m, names, memo)));
    List<Sample> out = new ArrayList<>();
    for (Sample s : lhs) {
      if (!right.contains(sig(s, m, names, memo))) {
        out.add(s);
      }
    }
    return out;
  }

  static List<Sample> vectorVector(
      BinaryOp op, List<Sample> lhs, List<Sample> rhs, VectorMatching m, Set<String> names, boolean returnBool, Memo memo) {
    if (lhs.isEmpty() || rhs.isEmpty()) {
      return List.of();
    }
    boolean swapped = m.cardinality() == Cardinality.ONE_TO_MANY;
    List<Sample> many = swapped ? rhs : lhs;
    List<Sample> one = swapped ? lhs : rhs;
    Map<String, Sample> oneSide = new HashMap<>();
    for (Sample s : one) {
      Sample dup = oneSide.putIfAbsent(sig(s, m, names, memo), s);
      if (dup != null) {
        throw QueryException.execution("found duplicate series for the match group "
            + matchLabels(s.labels(), m, names) + " on the " + (swapped ? "left" : "right")
            + " hand-side of the operation: [" + s.labels() + ", " + dup.labels()
            + "];many-to-many matching not allowed: matching labels must be unique on one side");
      }
    }
    Map<String, Set<Labels>> matched = new HashMap<>();
    List<Sample> out = new ArrayList<>();
    for (Sample ls : many) {
      String sig = sig(ls, m, names, memo);
      Sample rs = oneSide.get(sig);
      if (rs == null) {
        continue;
      }
      double vl = swapped ? rs.v() : ls.v();
      double vr = swapped ? ls.v() : rs.v();
      boolean keep = keeps(op, vl, vr);
      double value = elemValue(op, vl, vr);
      if (returnBool) {
        value = keep ? 1 : 0;
      } else if (!keep) {
        continue;
      }
      Labels metric = memo.result(ls.labels(), rs.labels(), op, m, names);
      if (returnBool) {
        metric = Labelling.dropMetricName(metric);
      }
      Set<Labels> inserted = matched.get(sig);
      if (m.cardinality() == Cardinality.ONE_TO_ONE) {
        if (inserted != null) {
          throw QueryException.execution(
              "multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)");
        }
        matched.put(sig, Set.of());
      } else {
        if (inserted == null) {
          inserted = new HashSet<>();
          matched.put(sig, inserted);
        }
        if (!inserted.add(metric)) {
          throw QueryException.execution("multiple matches for labels: grouping labels must ensure unique matches");
        }
      }
      out.add(new Sample(metric, ls.t(), value));
    }
    return out;
  }

  private static Labels matchLabels(Labels l, VectorMatching m, Set<String> names) {
    Labels.Builder b = Labels.builder();
    for (var lb : l) {
      boolean listed = names.contains(lb.name());
      if (m.on() ? listed : !listed && !lb.name().equals(Labels.METRIC_NAME)) {
        b.set(lb.name(), lb.value());
      }
    }
    return b.build();
  }

  private static Labels resultMetric(Labels lhs, Labels rhs, BinaryOp op, VectorMatching m, Set<String> names) {
    Labels.Builder b = lhs.toBuilder();
    if (dropsName(op)) {
      b.remove(Labels.METRIC_NAME);
    }
    if (m.cardinality() == Cardinality.ONE_TO_ONE) {
      if (m.on()) {
        for (var lb : lhs) {
          if (!names.contains(lb.name())) {
            b.remove(lb.name());
          }
        }
      } else {
        names.forEach(b::remove);
      }
    }
    for (String ln : m.include()) {
      String v = rhs.get(ln);
      if (v.isEmpty()) {
        b.remove(ln);
      } else {
        b.set(ln, v);
      }
    }
    return b.build();
  }
}
