package io.cairn.common.admin;

import com.sun.net.httpserver.HttpExchange;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.GZIPOutputStream;

/** Renders a registry in the format the scraper's {@code Accept} header asks for (gzip if accepted). Thread-safe. */
public final class MetricsHandler {
  private final PrometheusRegistry registry;
  private final ExpositionFormats formats = ExpositionFormats.init();

  public MetricsHandler(PrometheusRegistry registry) {
    this.registry = registry;
  }

  public void handle(HttpExchange exchange) throws IOException {
    ExpositionFormatWriter writer = formats.findWriter(exchange.getRequestHeaders().getFirst("Accept"));
    if (!writer.isAvailable()) {
      writer = formats.getPrometheusTextFormatWriter();
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
    writer.write(body, registry.scrape());
    exchange.getResponseHeaders().set("Content-Type", writer.getContentType());
    boolean gzip = acceptsGzip(exchange.getRequestHeaders().getFirst("Accept-Encoding"));
    byte[] bytes = body.toByteArray();
    if (gzip) {
      ByteArrayOutputStream zipped = new ByteArrayOutputStream(bytes.length / 4 + 64);
      try (OutputStream out = new GZIPOutputStream(zipped)) {
        out.write(bytes);
      }
      bytes = zipped.toByteArray();
      exchange.getResponseHeaders().set("Content-Encoding", "gzip");
    }
    AdminServer.send(exchange, 200, bytes);
  }

  static boolean acceptsGzip(String acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    for (String part : acceptEncoding.split(",")) {
      String[] kv = part.strip().split(";");
      if (kv[0].strip().equalsIgnoreCase("gzip")) {
        return kv.length < 2 || !kv[1].strip().replace(" ", "").equals("q=0");
      }
    }
    return false;
  }
}
