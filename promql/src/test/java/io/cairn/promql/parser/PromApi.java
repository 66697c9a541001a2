package io.cairn.promql.parser;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A minimal client of a real Prometheus's query API for the compatibility IT. */
final class PromApi {
  /** The outcome of one API call: {@code ok} with {@code text} = data, or an error with {@code text} = error. */
  record Result(boolean ok, String text) {}

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  PromApi(String base) {
    this.base = base;
  }

  Result get(String pathAndQuery) throws IOException, InterruptedException {
    HttpRequest req = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(10)).build();
    String body = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
    if (body.contains("\"status\":\"success\"")) {
      return new Result(true, stringField(body, "data"));
    }
    return new Result(false, stringField(body, "error"));
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** The JSON string value of a top-level {@code "key":"..."} field, unescaped, or null. */
  static String stringField(String json, String key) {
    int i = json.indexOf("\"" + key + "\":\"");
    if (i < 0) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    for (int p = i + key.length() + 4; p < json.length(); p++) {
      char c = json.charAt(p);
      if (c == '"') {
        return sb.toString();
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      char e = json.charAt(++p);
      switch (e) {
        case 'n' -> sb.append('\n');
        case 't' -> sb.append('\t');
        case 'r' -> sb.append('\r');
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'u' -> {
          sb.append((char) Integer.parseInt(json.substring(p + 1, p + 5), 16));
          p += 4;
        }
        default -> sb.append(e);
      }
    }
    return null;
  }
}
