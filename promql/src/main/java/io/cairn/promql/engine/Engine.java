package io.cairn.promql.engine;

import io.cairn.promql.parser.Expr;
import io.cairn.promql.parser.ValueType;
import io.cairn.promql.storage.Queryable;
import io.cairn.tsdb.model.RegexBudgetExceededException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Evaluates PromQL expressions after Prometheus 2.42's {@code promql.Engine}. Thread-safe; one engine
 * per server. At most {@link EngineOptions#maxConcurrentQueries} queries run at once, the rest wait
 * in a queue; the timeout counts from when the query is submitted, queueing included. Every failure
 * of a query is a {@link QueryException}: limits and deadlines are {@code execution}, {@code timeout}
 * or {@code canceled} (the calling thread interrupted); anything unexpected is {@code internal}.
 */
public final class Engine {
  private final EngineOptions options;
  private final Semaphore slots;

  public Engine(EngineOptions options) {
    this.options = Objects.requireNonNull(options, "options");
    this.slots = new Semaphore(options.maxConcurrentQueries(), true);
  }

  public EngineOptions options() {
    return options;
  }

  /**
   * The value of {@code expr} at {@code timeMillis}: a {@link Value.Vector} (in the engine's order, see
   * {@link Value.Vector}), {@link Value.Scalar}, {@link Value.Matrix} for a range-vector expression, or
   * {@link Value.StringValue}.
   */
  public Value instant(Queryable queryable, Expr expr, long timeMillis) {
    return instant(queryable, expr, timeMillis, null);
  }

  /**
   * As {@link #instant(Queryable, Expr, long)}, with a per-query timeout ({@code timeout} parameter
   * of the HTTP API): the shorter of it and {@link EngineOptions#timeout} applies; null means the
   * engine's.
   */
  public Value instant(Queryable queryable, Expr expr, long timeMillis, Duration timeout) {
    return run(queryable, expr, timeMillis, timeMillis, 1, true, timeout);
  }

  /**
   * The value of a scalar or instant-vector expression at every step from {@code startMs} to
   * {@code endMs}: a matrix sorted by labels (a scalar becomes one series without labels).
   */
  public Value.Matrix range(Queryable queryable, Expr expr, long startMs, long endMs, long stepMs) {
    return range(queryable, expr, startMs, endMs, stepMs, null);
  }

  /** As {@link #range(Queryable, Expr, long, long, long)}, with a per-query timeout (null: the engine's). */
  public Value.Matrix range(Queryable queryable, Expr expr, long startMs, long endMs, long stepMs, Duration timeout) {
    if (expr.type() != ValueType.VECTOR && expr.type() != ValueType.SCALAR) {
      throw new QueryException(QueryException.ErrorType.BAD_DATA, "invalid expression type \""
          + expr.type().promName() + "\" for range query, must be Scalar or instant Vector");
    }
    if (stepMs <= 0) {
      throw new QueryException(QueryException.ErrorType.BAD_DATA,
          "zero or negative query resolution step widths are not accepted. Try a positive integer");
    }
    if (endMs < startMs) {
      throw new QueryException(QueryException.ErrorType.BAD_DATA, "end timestamp must not be before start time");
    }
    if ((endMs - startMs) / stepMs > 11_000) {
      throw new QueryException(QueryException.ErrorType.BAD_DATA,
          "exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)");
    }
    return (Value.Matrix) run(queryable, expr, startMs, endMs, stepMs, false, timeout);
  }

  private Value run(Queryable queryable, Expr expr, long start, long end, long step, boolean instant, Duration timeout) {
    Objects.requireNonNull(queryable, "queryable");
    Objects.requireNonNull(expr, "expr");
    long budget = options.timeout().toNanos();
    if (timeout != null) {
      budget = Math.max(0, Math.min(budget, timeout.toNanos()));
    }
    long deadline = System.nanoTime() + budget;
    try {
      if (!slots.tryAcquire(budget, TimeUnit.NANOSECONDS)) {
        throw QueryException.timeout("query queue");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw QueryException.canceled("query queue");
    }
    try {
      QueryContext ctx = new QueryContext(queryable, options, deadline, start, end);
      Evaluator ev = new Evaluator(ctx, start, end, step);
      Object result = ev.eval(expr);
      return instant ? Results.instant(expr.type(), result, start) : Results.range(result);
    } catch (QueryException e) {
      throw e;
    } catch (RegexBudgetExceededException e) {
      throw new QueryException(QueryException.ErrorType.EXECUTION, e.getMessage(), e);
    } catch (RuntimeException | StackOverflowError e) {
      throw new QueryException(QueryException.ErrorType.INTERNAL, "unexpected error: " + e, e);
    } finally {
      slots.release();
    }
  }

  /** Converting evaluation results to {@link Value}s. */
  private static final class Results {
    @SuppressWarnings("unchecked")
    static Value instant(ValueType type, Object result, long t) {
      if (result instanceof String s) {
        return new Value.StringValue(t, s);
      }
      List<StepSeries> mat = (List<StepSeries>) result;
      return switch (type) {
        case SCALAR -> new Value.Scalar(t, mat.isEmpty() ? Double.NaN : mat.get(0).vs[0]);
        case MATRIX -> matrix(mat);
        default -> {
          List<Sample> out = new ArrayList<>(mat.size());
          for (StepSeries s : mat) {
            out.add(new Sample(s.labels, t, s.vs[0]));
          }
          yield new Value.Vector(out);
        }
      };
    }

    @SuppressWarnings("unchecked")
    static Value.Matrix range(Object result) {
      List<StepSeries> mat = new ArrayList<>((List<StepSeries>) result);
      mat.sort((a, b) -> a.labels.compareTo(b.labels));
      return matrix(mat);
    }

    private static Value.Matrix matrix(List<StepSeries> mat) {
      List<RangeSeries> out = new ArrayList<>(mat.size());
      for (StepSeries s : mat) {
        List<Point> points = new ArrayList<>(s.n);
        for (int i = 0; i < s.n; i++) {
          points.add(new Point(s.ts[i], s.vs[i]));
        }
        out.add(new RangeSeries(s.labels, points));
      }
      return new Value.Matrix(out);
    }
  }
}
