package io.cairn.promql.promqltest;

import io.cairn.promql.engine.Engine;
import io.cairn.promql.engine.EngineOptions;
import io.cairn.promql.engine.Point;
import io.cairn.promql.engine.QueryException;
import io.cairn.promql.engine.RangeSeries;
import io.cairn.promql.engine.Sample;
import io.cairn.promql.engine.Value;
import io.cairn.promql.parser.Expr;
import io.cairn.tsdb.model.Labels;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs a script's commands in order as upstream's v2.42 {@code promql.Test}: each instant eval also
 * as a range query (t-1m..t+1m step 1m, the point at t compared) and, unless it uses a
 * time-dependent function, with {@code @ t} pinned at several other evaluation times.
 */
final class ScriptRunner {
  static final EngineOptions OPTIONS = EngineOptions.defaults()
      .withLookbackDelta(Duration.ofMinutes(5)).withMaxSamples(10_000).withTimeout(Duration.ofSeconds(100))
      .withSubqueryDefaultStep(Duration.ofMinutes(1));

  private final MemoryQueryable storage = new MemoryQueryable();
  private final Engine engine = new Engine(OPTIONS);
  private final Function<String, Expr> parser;

  ScriptRunner(Function<String, Expr> parser) {
    this.parser = parser;
  }

  void load(ScriptFile.Load load) {
    for (SeriesDesc d : load.series()) {
      for (int i = 0; i < d.values().size(); i++) {
        Double v = d.values().get(i);
        if (v != null) {
          storage.append(d.labels(), i * load.stepMillis(), v);
        }
      }
    }
  }

  void clear() {
    storage.clear();
  }

  /** Throws AssertionError describing the first difference. */
  void eval(ScriptFile.Eval ev) {
    Expr expr = parser.apply(ev.expr());
    List<Expr> exprs = new ArrayList<>();
    List<Long> times = new ArrayList<>();
    exprs.add(expr);
    times.add(ev.timeMillis());
    Optional<Expr> pinned = AtPinning.pin(expr, ev.timeMillis());
    if (pinned.isPresent()) {
      for (long t : AtPinning.evalTimes(ev.timeMillis())) {
        exprs.add(pinned.get());
        times.add(t);
      }
    }
    for (int q = 0; q < exprs.size(); q++) {
      Expr e = exprs.get(q);
      long t = times.get(q);
      String what = (q == 0 ? "" : "@-pinned variant ") + "at " + t + "ms";
      Value res;
      try {
        res = engine.instant(storage, e, t);
      } catch (QueryException ex) {
        if (ev.fail()) {
          continue;
        }
        throw new AssertionError("error evaluating " + what + ": " + ex.type().apiName() + ": " + ex.getMessage(), ex);
      }
      if (ev.fail()) {
        throw new AssertionError("expected an error " + what + " but got " + res);
      }
      compare(ev, res, what);
      Value.Matrix range;
      try {
        range = engine.range(storage, e, t - 60_000, t + 60_000, 60_000);
      } catch (QueryException ex) {
        throw new AssertionError("error in range mode " + what + ": " + ex.type().apiName() + ": " + ex.getMessage(), ex);
      }
      if (ev.ordered()) {
        continue; // ordering is not defined for range queries
      }
      List<Sample> vec = new ArrayList<>();
      for (RangeSeries s : range.series()) {
        for (Point p : s.points()) {
          if (p.t() == t) {
            vec.add(new Sample(s.labels(), p.t(), p.v()));
            break;
          }
        }
      }
      Value mid = res instanceof Value.Scalar
          ? new Value.Scalar(t, vec.isEmpty() ? Double.NaN : vec.get(0).v())
          : new Value.Vector(vec);
      compare(ev, mid, "range mode " + what);
    }
  }

  private static void compare(ScriptFile.Eval ev, Value res, String what) {
    switch (res) {
      case Value.Scalar s -> {
        if (ev.scalar() == null) {
          throw new AssertionError(what + ": got scalar " + s.v() + " but expected a vector " + ev.expected());
        }
        if (!almostEqual(ev.scalar(), s.v())) {
          throw new AssertionError(what + ": expected scalar " + ev.scalar() + " but got " + s.v());
        }
      }
      case Value.Vector v -> {
        Set<Labels> seen = new HashSet<>();
        for (int pos = 0; pos < v.samples().size(); pos++) {
          Sample s = v.samples().get(pos);
          ScriptFile.Expected exp = ev.expected().get(s.labels());
          if (exp == null) {
            throw new AssertionError(what + ": unexpected metric " + s.labels() + " " + s.v() + " in result " + v.samples());
          }
          if (ev.ordered() && exp.position() != pos + 1) {
            throw new AssertionError(what + ": expected metric " + s.labels() + " at position " + exp.position()
                + " but was at " + (pos + 1) + " in " + v.samples());
          }
          if (!almostEqual(exp.value(), s.v())) {
            throw new AssertionError(what + ": expected " + exp.value() + " for " + s.labels() + " but got " + s.v());
          }
          seen.add(s.labels());
        }
        for (Labels l : ev.expected().keySet()) {
          if (!seen.contains(l)) {
            throw new AssertionError(what + ": expected metric " + l + " not found in " + v.samples());
          }
        }
      }
      case Value.Matrix m -> throw new AssertionError(what + ": received range result on instant evaluation");
      case Value.StringValue s -> throw new AssertionError(what + ": unexpected string result " + s.v());
    }
  }

  /** Upstream's {@code almostEqual}: NaN equals NaN, otherwise relative difference below 1e-6. */
  static boolean almostEqual(double a, double b) {
    if (Double.isNaN(a) && Double.isNaN(b)) {
      return true;
    }
    if (a == b) {
      return true;
    }
    double minNormal = Double.MIN_NORMAL;
    double diff = Math.abs(a - b);
    if (a == 0 || b == 0 || diff < minNormal) {
      return diff < 1e-6 * minNormal;
    }
    return diff / (Math.abs(a) + Math.abs(b)) < 1e-6;
  }
}
