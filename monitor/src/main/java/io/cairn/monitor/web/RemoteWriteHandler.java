package io.cairn.monitor.web;

import com.sun.net.httpserver.HttpExchange;
import io.cairn.monitor.ingest.remotewrite.DecodedWrite;
import io.cairn.monitor.ingest.remotewrite.RemoteWriteCodec;
import io.cairn.monitor.ingest.remotewrite.RemoteWriteException;
import io.cairn.monitor.ingest.remotewrite.Sample;
import io.cairn.monitor.ingest.remotewrite.TimeSeries;
import io.cairn.tsdb.storage.AppendException;
import io.cairn.tsdb.storage.Appendable;
import io.cairn.tsdb.storage.Appender;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/write}: Prometheus remote write 1.0, answered as Prometheus 2.42's write
 * handler does. The whole request is appended and committed at once; the first sample the storage
 * refuses rolls everything back and is answered with 400 and its error (a sender does not retry a
 * 4xx), a WAL failure with 500 (the sender retries). 204 means every sample is durable.
 */
final class RemoteWriteHandler {
  private static final Logger log = LoggerFactory.getLogger(RemoteWriteHandler.class);

  private final RemoteWriteCodec codec;
  private final Appendable storage;
  private final WebMetrics metrics;

  RemoteWriteHandler(RemoteWriteCodec codec, Appendable storage, WebMetrics metrics) {
    this.codec = codec;
    this.storage = storage;
    this.metrics = metrics;
  }

  void handle(HttpExchange ex) throws IOException {
    byte[] body;
    try {
      body = Exchanges.body(ex, codec.limits().maxCompressedBytes(), false);
    } catch (Exchanges.TooLarge e) {
      Exchanges.text(ex, 413, e.getMessage() + "\n");
      return;
    }
    DecodedWrite decoded;
    try {
      decoded = codec.decode(body);
    } catch (RemoteWriteException e) {
      Exchanges.text(ex, e.httpStatus(), e.getMessage() + "\n");
      return;
    }
    Appender app = storage.appender();
    long samples = 0;
    try {
      for (TimeSeries ts : decoded.request().timeseries()) {
        long ref = 0;
        for (Sample s : ts.samples()) {
          ref = app.append(ref, ts.labels(), s.timestampMs(), s.value());
          samples++;
        }
      }
    } catch (AppendException e) {
      app.rollback();
      log.debug("remote write refused: {}", e.getMessage());
      Exchanges.text(ex, 400, e.getMessage() + "\n");
      return;
    } catch (RuntimeException e) {
      app.rollback();
      throw e;
    }
    try {
      app.commit();
    } catch (IOException e) {
      log.error("remote write: committing {} samples failed", samples, e);
      Exchanges.text(ex, 500, "writing to the WAL failed: " + e.getMessage() + "\n");
      return;
    }
    metrics.remoteWriteSamples(samples);
    Exchanges.noContent(ex);
  }
}
