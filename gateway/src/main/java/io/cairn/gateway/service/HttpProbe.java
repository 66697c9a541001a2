package io.cairn.gateway.service;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLSocketFactory;

/**
 * One health-check request over a fresh connection ({@code Connection: close}), HTTP/1.1 over TCP or
 * TLS (the JDK's default trust store). A plain socket rather than the JDK's {@code HttpClient}
 * because the check must be able to send any {@code Host} ({@code hostname}), which {@code HttpClient}
 * refuses. Only the status line is read, at most 8 KiB of it; redirects are followed up to 10 times
 * when asked.
 */
final class HttpProbe {
  private static final int MAX_REDIRECTS = 10;
  private static final int MAX_HEAD = 8 * 1024;

  private HttpProbe() {}

  /** The final status code of {@code spec}'s check of {@code url}. */
  static int status(URI url, HealthCheckSpec spec) throws IOException {
    URI target = url;
    for (int hop = 0; ; hop++) {
      Response r = once(target, spec);
      boolean redirect = r.status >= 300 && r.status < 400 && r.location != null;
      if (!redirect || !spec.followRedirects() || hop == MAX_REDIRECTS) {
        return r.status;
      }
      target = target.resolve(r.location);
    }
  }

  private record Response(int status, String location) {}

  private static Response once(URI url, HealthCheckSpec spec) throws IOException {
    boolean tls = "https".equalsIgnoreCase(url.getScheme());
    int port = url.getPort() > 0 ? url.getPort() : tls ? 443 : 80;
    int timeout = (int) Math.min(Integer.MAX_VALUE, spec.timeout().toMillis());
    try (Socket plain = new Socket()) {
      plain.connect(new InetSocketAddress(url.getHost(), port), timeout);
      plain.setSoTimeout(timeout);
      Socket s = tls ? ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(plain, url.getHost(), port, true) : plain;
      String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
      if (url.getRawQuery() != null) {
        path += "?" + url.getRawQuery();
      }
      String host = spec.hostname().isEmpty() ? url.getRawAuthority() : spec.hostname();
      StringBuilder req = new StringBuilder()
          .append(spec.method()).append(' ').append(path).append(" HTTP/1.1\r\n")
          .append("Host: ").append(host).append("\r\n")
          .append("User-Agent: cairn-gateway health check\r\n")
          .append("Connection: close\r\n");
      spec.headers().forEach((k, v) -> req.append(k).append(": ").append(v).append("\r\n"));
      req.append("\r\n");
      OutputStream out = s.getOutputStream();
      out.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return readHead(new BufferedInputStream(s.getInputStream()), System.nanoTime() + spec.timeout().toNanos());
    }
  }

  private static Response readHead(InputStream in, long deadlineNanos) throws IOException {
    StringBuilder line = new StringBuilder();
    int status = -1;
    String location = null;
    for (int total = 0; total < MAX_HEAD; total++) {
      if (System.nanoTime() > deadlineNanos) {
        throw new IOException("no status line within the timeout");
      }
      int b = in.read();
      if (b < 0) {
        break;
      }
      if (b != '\n') {
        if (b != '\r') {
          line.append((char) b);
        }
        continue;
      }
      if (line.isEmpty()) {
        break;
      }
      String l = line.toString();
      line.setLength(0);
      if (status < 0) {
        String[] parts = l.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
          throw new IOException("not an HTTP response: " + l);
        }
        try {
          status = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
          throw new IOException("bad status line: " + l);
        }
      } else if (l.regionMatches(true, 0, "Location:", 0, 9)) {
        location = l.substring(9).strip();
      }
    }
    if (status < 0) {
      throw new IOException("connection closed before a status line");
    }
    return new Response(status, location);
  }
}
