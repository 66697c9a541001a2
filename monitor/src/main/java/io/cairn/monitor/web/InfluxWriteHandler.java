package io.cairn.monitor.web;

import com.sun.net.httpserver.HttpExchange;
import io.cairn.monitor.ingest.lineprotocol.InfluxErrors;
import io.cairn.monitor.ingest.lineprotocol.LineProtocolDecoder;
import io.cairn.monitor.ingest.lineprotocol.LineProtocolException;
import io.cairn.monitor.ingest.lineprotocol.ParseResult;
import io.cairn.monitor.ingest.lineprotocol.Precision;
import io.cairn.monitor.ingest.lineprotocol.SeriesSample;
import io.cairn.tsdb.storage.AppendException;
import io.cairn.tsdb.storage.Appendable;
import io.cairn.tsdb.storage.Appender;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * {@code POST /write} (InfluxDB 1.x) and {@code POST /api/v2/write} (2.x): line protocol, answered
 * as InfluxDB answers (see the lineprotocol package for bodies and statuses). Samples the storage
 * refuses (too old, duplicate with another value, series limit) are dropped and reported as a
 * partial write: 1.x answers 400 {@code partial write: <first error> dropped=<n>}, 2.x 422
 * {@code unprocessable entity}; the others are written. {@code db}/{@code bucket} is required, as
 * InfluxDB requires it, but does not change the series.
 */
final class InfluxWriteHandler {
  private final LineProtocolDecoder decoder;
  private final Appendable storage;
  private final LongSupplier clock;
  private final WebMetrics metrics;

  InfluxWriteHandler(LineProtocolDecoder decoder, Appendable storage, LongSupplier clock, WebMetrics metrics) {
    this.decoder = decoder;
    this.storage = storage;
    this.clock = clock;
    this.metrics = metrics;
  }

  void handleV1(HttpExchange ex) throws IOException {
    Map<String, List<String>> q = Exchanges.query(ex);
    String db = Exchanges.first(q, "db");
    if (db == null || db.isEmpty()) {
      v1Error(ex, 400, "database is required");
      return;
    }
    Precision precision;
    try {
      precision = Precision.v1(Exchanges.first(q, "precision"));
    } catch (Precision.InvalidPrecisionException e) {
      v1Error(ex, 400, e.getMessage());
      return;
    }
    ParseResult parsed;
    try {
      parsed = decoder.decode(Exchanges.body(ex, decoder.limits().maxBodyBytes(), true), precision, clock.getAsLong());
    } catch (Exchanges.TooLarge | LineProtocolException e) {
      Exchanges.json(ex, 413, InfluxErrors.v1TooLarge());
      return;
    }
    Stored stored = store(parsed.samples());
    if (stored.commitFailure != null) {
      v1Error(ex, 500, "write failed: " + stored.commitFailure.getMessage());
    } else if (parsed.hasErrors()) {
      v1Error(ex, 400, InfluxErrors.v1ParseMessage(parsed));
    } else if (stored.dropped > 0) {
      v1Error(ex, 400, InfluxErrors.v1PartialWrite(stored.firstError, stored.dropped));
    } else {
      Exchanges.noContent(ex);
    }
  }

  void handleV2(HttpExchange ex) throws IOException {
    Map<String, List<String>> q = Exchanges.query(ex);
    String bucket = Exchanges.first(q, "bucket");
    if (bucket == null || bucket.isEmpty()) {
      v2Error(ex, 400, InfluxErrors.V2_INVALID, "bucket is required");
      return;
    }
    Precision precision;
    try {
      precision = Precision.v2(Exchanges.first(q, "precision"));
    } catch (Precision.InvalidPrecisionException e) {
      v2Error(ex, 400, InfluxErrors.V2_INVALID, e.getMessage());
      return;
    }
    byte[] body;
    ParseResult parsed;
    try {
      body = Exchanges.body(ex, decoder.limits().maxBodyBytes(), true);
      parsed = decoder.decode(body, precision, clock.getAsLong());
    } catch (Exchanges.TooLarge | LineProtocolException e) {
      Exchanges.json(ex, 413, InfluxErrors.v2TooLarge());
      return;
    }
    if (body.length == 0) {
      v2Error(ex, 400, InfluxErrors.V2_INVALID, "writing requires points");
      return;
    }
    if (parsed.hasErrors()) { // 2.x writes nothing of a body with a bad line
      Exchanges.json(ex, 400, InfluxErrors.v2ParseError(parsed));
      return;
    }
    Stored stored = store(parsed.samples());
    if (stored.commitFailure != null) {
      v2Error(ex, 500, "internal error", "write failed: " + stored.commitFailure.getMessage());
    } else if (stored.dropped > 0) {
      v2Error(ex, 422, "unprocessable entity",
          "failure writing points to database: " + InfluxErrors.v1PartialWrite(stored.firstError, stored.dropped));
    } else {
      Exchanges.noContent(ex);
    }
  }

  private record Stored(int dropped, String firstError, IOException commitFailure) {}

  private Stored store(List<SeriesSample> samples) {
    Appender app = storage.appender();
    int dropped = 0;
    String first = null;
    for (SeriesSample s : samples) {
      try {
        app.append(0, s.labels(), s.timestampMs(), s.value());
      } catch (AppendException e) {
        dropped++;
        if (first == null) {
          first = e.getMessage();
        }
      }
    }
    try {
      app.commit();
    } catch (IOException e) {
      return new Stored(dropped, first, e);
    }
    metrics.lineProtocolSamples(samples.size() - dropped);
    return new Stored(dropped, first, null);
  }

  private static void v1Error(HttpExchange ex, int status, String message) throws IOException {
    ex.getResponseHeaders().set("X-Influxdb-Error", InfluxErrors.v1ErrorHeader(message));
    Exchanges.json(ex, status, InfluxErrors.v1Body(message));
  }

  private static void v2Error(HttpExchange ex, int status, String code, String message) throws IOException {
    ex.getResponseHeaders().set("X-Platform-Error-Code", code);
    Exchanges.json(ex, status, InfluxErrors.v2Body(code, message));
  }
}
