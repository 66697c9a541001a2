package io.cairn.gateway.observe;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.time.Instant;

/** Exchange records for tests. */
final class Records {
  static final Instant START = Instant.parse("2009-11-10T23:00:00Z");

  private Records() {}

  static ExchangeRecord proxied(int status, long bytes, HttpHeaders headers) {
    return new ExchangeRecord(7, START, 123_000_000_000L, "web", "HTTP/1.1", "GET", "/foo?a=1", "example.com:8080",
        "10.0.0.1:51234", "", "", headers, status, 5, bytes, status, bytes, "foo@file", "whoami@file",
        "http://10.0.0.2/toto", "", 0);
  }

  static ExchangeRecord notFound() {
    return new ExchangeRecord(8, START, 1_500_000, "web", "HTTP/1.1", "GET", "/nope", "example.com", "[::1]:4000", "",
        "", new DefaultHttpHeaders(), 404, 0, 19, 0, 0, "", "", "", "", 0);
  }

  static HttpHeaders headers() {
    HttpHeaders h = new DefaultHttpHeaders();
    h.add("user-agent", "agent");
    h.add("Referer", "referer");
    h.add("X-Secret", "s3cr3t");
    return h;
  }
}
