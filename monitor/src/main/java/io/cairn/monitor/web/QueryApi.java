package io.cairn.monitor.web;

import com.sun.net.httpserver.HttpExchange;
import io.cairn.promql.engine.Engine;
import io.cairn.promql.engine.QueryException;
import io.cairn.promql.engine.Value;
import io.cairn.promql.parser.Expr;
import io.cairn.promql.parser.ParseException;
import io.cairn.promql.parser.Parser;
import io.cairn.promql.parser.Printer;
import io.cairn.promql.parser.ValueType;
import io.cairn.promql.storage.Queryable;
import io.cairn.common.text.GoJson;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * PromQL over HTTP, as Prometheus 2.42's v1 API: {@code /api/v1/query} ({@code query}, {@code time},
 * {@code timeout}), {@code /api/v1/query_range} ({@code query}, {@code start}, {@code end},
 * {@code step}, {@code timeout}), {@code /api/v1/format_query} and {@code /api/v1/query_exemplars}
 * (cairn keeps no exemplars: always an empty list once the query parses). Errors carry Prometheus's
 * {@code errorType} and HTTP status: bad_data 400, execution 422, timeout and canceled 503,
 * internal 500.
 */
final class QueryApi {
  private final Engine engine;
  private final Queryable queryable;
  private final LongSupplier clock;

  QueryApi(Engine engine, Queryable queryable, LongSupplier clock) {
    this.engine = engine;
    this.queryable = queryable;
    this.clock = clock;
  }

  /** Answers {@code path} if it is one of this class's; false otherwise (nothing sent). */
  boolean handle(HttpExchange ex, String path, Map<String, List<String>> params) throws IOException {
    try {
      switch (path) {
        case "/api/v1/query" -> instant(ex, params);
        case "/api/v1/query_range" -> range(ex, params);
        case "/api/v1/format_query" -> format(ex, params);
        case "/api/v1/query_exemplars" -> exemplars(ex, params);
        default -> {
          return false;
        }
      }
    } catch (ApiParams.BadData e) {
      Exchanges.json(ex, 400, PromJson.error("bad_data", e.getMessage()));
    } catch (QueryException e) {
      Exchanges.json(ex, status(e.type()), PromJson.error(e.type().apiName(), e.getMessage()));
    }
    return true;
  }

  static int status(QueryException.ErrorType type) {
    return switch (type) {
      case BAD_DATA -> 400;
      case EXECUTION -> 422;
      case TIMEOUT, CANCELED -> 503;
      case INTERNAL -> 500;
    };
  }

  private void instant(HttpExchange ex, Map<String, List<String>> params) throws IOException, ApiParams.BadData {
    long t = ApiParams.time(params, "time", clock.getAsLong());
    Duration timeout = timeout(params);
    Expr expr = parse(params);
    Value v = engine.instant(queryable, expr, t, timeout);
    Exchanges.json(ex, 200, QueryJson.success(v));
  }

  private void range(HttpExchange ex, Map<String, List<String>> params) throws IOException, ApiParams.BadData {
    long start = required(params, "start");
    long end = required(params, "end");
    if (end < start) {
      throw new ApiParams.BadData("end timestamp must not be before start time");
    }
    Long step = ApiParams.durationMillis(params, "step");
    if (step == null) {
      throw ApiParams.invalid("step", "cannot parse \"\" to a valid duration");
    }
    if (step <= 0) {
      throw new ApiParams.BadData("zero or negative query resolution step widths are not accepted. Try a positive integer");
    }
    if ((end - start) / step > 11_000) {
      throw new ApiParams.BadData(
          "exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)");
    }
    Duration timeout = timeout(params);
    // Prometheus 2.42's queryRange reports NewRangeQuery's errors (parse and type) as plain bad_data,
    // without the 'invalid parameter "query"' prefix its instant queries carry.
    Expr expr;
    try {
      expr = Parser.parse(Objects.requireNonNullElse(Exchanges.first(params, "query"), ""));
    } catch (ParseException e) {
      throw new ApiParams.BadData(e.getMessage());
    }
    if (expr.type() != ValueType.VECTOR && expr.type() != ValueType.SCALAR) {
      throw new ApiParams.BadData("invalid expression type \"" + expr.type().promName()
          + "\" for range query, must be Scalar or instant Vector");
    }
    Value v = engine.range(queryable, expr, start, end, step, timeout);
    Exchanges.json(ex, 200, QueryJson.success(v));
  }

  private void format(HttpExchange ex, Map<String, List<String>> params) throws IOException, ApiParams.BadData {
    StringBuilder sb = new StringBuilder("{\"status\":\"success\",\"data\":");
    GoJson.appendJson(Printer.pretty(parse(params)), sb);
    Exchanges.json(ex, 200, sb.append('}').toString());
  }

  private void exemplars(HttpExchange ex, Map<String, List<String>> params) throws IOException, ApiParams.BadData {
    ApiParams.time(params, "start", Long.MIN_VALUE);
    ApiParams.time(params, "end", Long.MAX_VALUE);
    parse(params);
    Exchanges.json(ex, 200, "{\"status\":\"success\",\"data\":[]}");
  }

  private static long required(Map<String, List<String>> params, String name) throws ApiParams.BadData {
    String v = Exchanges.first(params, name);
    if (v == null || v.isEmpty()) {
      throw ApiParams.invalid(name, "cannot parse \"\" to a valid timestamp");
    }
    return ApiParams.time(params, name, 0);
  }

  private static Duration timeout(Map<String, List<String>> params) throws ApiParams.BadData {
    Long ms = ApiParams.durationMillis(params, "timeout");
    return ms == null ? null : Duration.ofMillis(ms);
  }

  private static Expr parse(Map<String, List<String>> params) throws ApiParams.BadData {
    String q = Exchanges.first(params, "query");
    try {
      return Parser.parse(q == null ? "" : q);
    } catch (ParseException e) {
      throw ApiParams.invalid("query", e.getMessage());
    }
  }
}
