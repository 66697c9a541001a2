package io.cairn.gateway.config;

import java.net.InetAddress;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Option checks for middlewares, mirroring the errors Traefik's middleware constructors return
 * (empty source range, no attempts, no amount, unparsable regex, …). Regexes are compiled with
 * {@link java.util.regex}; Go's RE2 syntax is a near subset, so a Go-valid regex compiles here
 * (RE2's {@code (?P<name>…)} groups are accepted by rewriting them to Java's {@code (?<name>…)}).
 */
final class MiddlewareRules {
  static final List<String> ENCODINGS = List.of("gzip", "br", "zstd");

  private MiddlewareRules() {}

  static void check(String key, Middleware m, Refs refs, Problems problems) {
    switch (m) {
      case Middleware.StripPrefixRegex s -> regexes(key + ".stripPrefixRegex.regex", s.regex(), problems);
      case Middleware.ReplacePathRegex r -> regex(key + ".replacePathRegex.regex", r.regex(), problems);
      case Middleware.RedirectRegex r -> regex(key + ".redirectRegex.regex", r.regex(), problems);
      case Middleware.RedirectScheme r -> {
        if (r.scheme().isEmpty()) {
          problems.add(key + ".redirectScheme.scheme", "a scheme is required (http or https)");
        }
      }
      case Middleware.Chain c -> {
        for (int i = 0; i < c.middlewares().size(); i++) {
          refs.middleware(key + ".chain.middlewares[" + i + "]", c.middlewares().get(i), problems);
        }
      }
      case Middleware.IpAllowList a -> {
        if (a.sourceRange().isEmpty()) {
          problems.add(key + ".ipAllowList.sourceRange", "at least one IP or CIDR range is required");
        }
        ranges(key + ".ipAllowList.sourceRange", a.sourceRange(), problems);
        a.ipStrategy().ifPresent(s -> ipStrategy(key + ".ipAllowList.ipStrategy", s, problems));
      }
      case Middleware.Errors e -> {
        if (e.service().isEmpty()) {
          problems.add(key + ".errors.service", "a service name is required");
        } else {
          refs.service(key + ".errors.service", e.service(), problems);
        }
        for (int i = 0; i < e.status().size(); i++) {
          status(key + ".errors.status[" + i + "]", e.status().get(i), problems);
        }
      }
      case Middleware.RateLimit r -> {
        if (r.average() < 0) {
          problems.add(key + ".rateLimit.average", "expected 0 (no limit) or more, got " + r.average());
        }
        if (r.period().isNegative()) {
          problems.add(key + ".rateLimit.period", "expected a positive duration, got " + GoDuration.format(r.period()));
        }
        r.sourceCriterion().ifPresent(c -> criterion(key + ".rateLimit.sourceCriterion", c, problems));
      }
      case Middleware.InFlightReq r -> {
        if (r.amount() <= 0) {
          problems.add(key + ".inFlightReq.amount", "expected an amount of 1 or more, got " + r.amount());
        }
        r.sourceCriterion().ifPresent(c -> criterion(key + ".inFlightReq.sourceCriterion", c, problems));
      }
      case Middleware.Retry r -> {
        if (r.attempts() <= 0) {
          problems.add(key + ".retry.attempts", "expected 1 or more attempts, got " + r.attempts());
        }
      }
      case Middleware.CircuitBreaker c -> {
        if (c.expression().isBlank()) {
          problems.add(key + ".circuitBreaker.expression", "an expression is required, e.g. NetworkErrorRatio() > 0.5");
        }
      }
      case Middleware.Compress c -> {
        for (int i = 0; i < c.encodings().size(); i++) {
          if (!ENCODINGS.contains(c.encodings().get(i))) {
            problems.add(key + ".compress.encodings[" + i + "]", "expected gzip, br or zstd, got \"" + c.encodings().get(i) + "\"");
          }
        }
        if (!c.defaultEncoding().isEmpty() && !ENCODINGS.contains(c.defaultEncoding())) {
          problems.add(key + ".compress.defaultEncoding", "expected gzip, br or zstd, got \"" + c.defaultEncoding() + "\"");
        }
      }
      case Middleware.ForwardAuth f -> {
        if (f.address().isEmpty()) {
          problems.add(key + ".forwardAuth.address", "an address (URL of the auth server) is required");
        } else {
          ServiceRules.url(key + ".forwardAuth.address", f.address(), problems);
        }
        if (!f.authResponseHeadersRegex().isEmpty()) {
          regex(key + ".forwardAuth.authResponseHeadersRegex", f.authResponseHeadersRegex(), problems);
        }
      }
      case Middleware.BasicAuth b -> {
        for (int i = 0; i < b.users().size(); i++) {
          if (b.users().get(i).indexOf(':') <= 0) {
            problems.add(key + ".basicAuth.users[" + i + "]", "expected name:hashed-password, got an entry without a name or a colon");
          }
        }
      }
      case Headers h -> regexes(key + ".headers.accessControlAllowOriginListRegex", h.accessControlAllowOriginListRegex(), problems);
      case Middleware.AddPrefix a -> { }
      case Middleware.StripPrefix s -> { }
      case Middleware.ReplacePath r -> { }
      case Middleware.Buffering b -> { }
    }
  }

  private static void regexes(String key, List<String> regexes, Problems problems) {
    for (int i = 0; i < regexes.size(); i++) {
      regex(key + "[" + i + "]", regexes.get(i), problems);
    }
  }

  static void regex(String key, String regex, Problems problems) {
    try {
      Pattern.compile(regex.replace("(?P<", "(?<"));
    } catch (PatternSyntaxException e) {
      problems.add(key, "invalid regular expression: " + e.getDescription() + " near index " + e.getIndex());
    }
  }

  private static void criterion(String key, Middleware.SourceCriterion c, Problems problems) {
    int set = (c.ipStrategy().isPresent() ? 1 : 0) + (c.requestHeaderName().isEmpty() ? 0 : 1) + (c.requestHost() ? 1 : 0);
    if (set > 1) {
      problems.add(key, "ipStrategy, requestHeaderName and requestHost are mutually exclusive; got " + set);
    }
    c.ipStrategy().ifPresent(s -> ipStrategy(key + ".ipStrategy", s, problems));
  }

  private static void ipStrategy(String key, Middleware.IpStrategy s, Problems problems) {
    if (s.depth() < 0) {
      problems.add(key + ".depth", "expected a depth of 0 or more, got " + s.depth());
    }
    ranges(key + ".excludedIPs", s.excludedIPs(), problems);
  }

  /** Each entry an IPv4/IPv6 address or CIDR range. */
  static void ranges(String key, List<String> ranges, Problems problems) {
    for (int i = 0; i < ranges.size(); i++) {
      if (!isRange(ranges.get(i).strip())) {
        problems.add(key + "[" + i + "]", "expected an IP address or CIDR range, got \"" + ranges.get(i) + "\"");
      }
    }
  }

  static boolean isRange(String s) {
    int slash = s.indexOf('/');
    String address = slash < 0 ? s : s.substring(0, slash);
    if (address.isEmpty() || !address.matches("[0-9A-Fa-f:.]+")) {
      return false; // never a host name: ofLiteral does no lookups, but keep the check explicit
    }
    try {
      InetAddress parsed = InetAddress.ofLiteral(address);
      if (slash < 0) {
        return true;
      }
      String bits = s.substring(slash + 1);
      int max = parsed.getAddress().length * 8;
      return bits.matches("\\d{1,3}") && Integer.parseInt(bits) <= max;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static void status(String key, String status, Problems problems) {
    for (String part : status.split(",", -1)) {
      String[] bounds = part.strip().split("-", -1);
      boolean ok = bounds.length <= 2;
      int low = 0;
      for (int b = 0; ok && b < bounds.length; b++) {
        ok = bounds[b].strip().matches("\\d{3}");
        int v = ok ? Integer.parseInt(bounds[b].strip()) : 0;
        ok = ok && v >= 100 && v <= 599 && v >= low;
        low = v;
      }
      if (!ok) {
        problems.add(key, "expected a status (500), a range (500-599) or a comma-separated list of them, got \"" + status + "\"");
        return;
      }
    }
  }
}
