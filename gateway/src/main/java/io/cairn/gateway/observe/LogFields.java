package io.cairn.gateway.observe;

import io.cairn.gateway.config.StaticConfig;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fields of one access log line under Traefik's names ({@code pkg/middlewares/accesslog}
 * {@code logdata.go}), after {@code accessLog.fields}: core fields kept unless {@code defaultMode}
 * or {@code names} drop them, request headers as {@code request_<Canonical-Name>} only when {@code
 * headers.defaultMode} or {@code headers.names} keep ({@code REDACTED} when they redact) them.
 * Values are {@code String}, {@code Long} or {@link Instant}. Thread-safe (immutable).
 *
 * <p>Not produced (cairn does not measure them): {@code OriginDuration}, {@code Overhead}, {@code
 * GzipRatio}, {@code TLSClientSubject}, and {@code origin_}/{@code downstream_} response headers.
 */
final class LogFields {
  private final String defaultMode;
  private final Map<String, String> names;
  private final String headersDefaultMode;
  private final Map<String, String> headerNames;

  LogFields(StaticConfig.AccessLogFields config) {
    this.defaultMode = config.defaultMode().toLowerCase(Locale.ROOT);
    this.names = lower(config.names());
    this.headersDefaultMode = config.headersDefaultMode().toLowerCase(Locale.ROOT);
    this.headerNames = lower(config.headerNames());
  }

  private static Map<String, String> lower(Map<String, String> m) {
    Map<String, String> out = new TreeMap<>();
    m.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v.toLowerCase(Locale.ROOT)));
    return out;
  }

  /** The kept fields of {@code r}, sorted by name as Go's JSON encoder sorts a map. */
  Map<String, Object> of(ExchangeRecord r) {
    Map<String, Object> core = new TreeMap<>();
    core.put("StartUTC", r.start());
    core.put("StartLocal", r.start());
    core.put("Duration", r.durationNanos());
    core.put("ClientAddr", r.clientAddr());
    core.put("ClientHost", r.clientHost());
    core.put("ClientPort", r.clientPort());
    core.put("ClientUsername", r.user().isEmpty() ? "-" : r.user());
    if (!r.host().isEmpty()) {
      core.put("RequestAddr", r.host());
      String[] hp = splitHostPort(r.host());
      core.put("RequestHost", hp[0]);
      core.put("RequestPort", hp[1]);
    }
    core.put("RequestMethod", r.method());
    core.put("RequestPath", r.uri());
    core.put("RequestProtocol", r.protocol());
    core.put("RequestScheme", r.tls() ? "https" : "http");
    core.put("RequestContentSize", r.requestBytes());
    core.put("RequestCount", r.sequence());
    core.put("DownstreamStatus", (long) r.status());
    core.put("DownstreamContentSize", r.responseBytes());
    core.put("RetryAttempts", (long) r.retryAttempts());
    core.put("entryPointName", r.entryPoint());
    if (r.originStatus() != 0) {
      core.put("OriginStatus", (long) r.originStatus());
      core.put("OriginContentSize", r.originBytes());
    }
    if (!r.router().isEmpty()) {
      core.put("RouterName", r.router());
    }
    if (!r.service().isEmpty()) {
      core.put("ServiceName", r.service());
    }
    if (!r.serviceUrl().isEmpty()) {
      core.put("ServiceURL", r.serviceUrl());
      core.put("ServiceAddr", serviceAddr(r.serviceUrl()));
    }
    if (r.tls()) {
      core.put("TLSVersion", r.tlsVersion());
      core.put("TLSCipher", r.tlsCipher());
    }
    core.keySet().removeIf(k -> !keep(k));
    for (String name : new java.util.TreeSet<>(r.requestHeaders().names())) {
      String mode = headerNames.getOrDefault(name.toLowerCase(Locale.ROOT), headersDefaultMode);
      if (mode.equals("keep")) {
        core.put("request_" + canonical(name), String.join(",", r.requestHeaders().getAll(name)));
      } else if (mode.equals("redact")) {
        core.put("request_" + canonical(name), "REDACTED");
      }
    }
    return core;
  }

  private boolean keep(String field) {
    String mode = names.getOrDefault(field.toLowerCase(Locale.ROOT), defaultMode);
    return !mode.equals("drop");
  }

  /** Go's {@code http.CanonicalHeaderKey}: {@code user-agent} becomes {@code User-Agent}. */
  static String canonical(String name) {
    StringBuilder b = new StringBuilder(name.length());
    boolean upper = true;
    for (char c : name.toCharArray()) {
      b.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
      upper = c == '-';
    }
    return b.toString();
  }

  /** Go's {@code net.SplitHostPort}, or the whole value and {@code -} when it has no port. */
  static String[] splitHostPort(String value) {
    int colon = value.lastIndexOf(':');
    if (colon < 0 || (value.startsWith("[") && !value.substring(0, colon).endsWith("]"))) {
      return new String[] {value, "-"};
    }
    String host = value.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    } else if (host.contains(":")) {
      return new String[] {value, "-"};
    }
    return new String[] {host, value.substring(colon + 1)};
  }

  private static String serviceAddr(String url) {
    try {
      String authority = URI.create(url).getRawAuthority();
      return authority == null ? "" : authority;
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  /** The statuses and ranges of {@code accessLog.filters.statusCodes} as {@code [from, to]} pairs. */
  static List<int[]> ranges(List<String> codes) {
    List<int[]> out = new ArrayList<>();
    for (String c : codes) {
      int dash = c.indexOf('-');
      int from = Integer.parseInt(dash < 0 ? c : c.substring(0, dash));
      int to = dash < 0 ? from : Integer.parseInt(c.substring(dash + 1));
      out.add(new int[] {from, to});
    }
    return out;
  }
}
