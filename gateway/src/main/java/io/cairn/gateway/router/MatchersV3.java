package io.cairn.gateway.router;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Traefik v3 matchers ({@code pkg/muxer/http/matcher.go}): one value each ({@code Query} and
 * {@code QueryRegexp} one or two, {@code Header} and {@code HeaderRegexp} two). Error messages are
 * Traefik's.
 */
final class MatchersV3 {
  private MatchersV3() {}

  /** Compiles a call whose name is a v3 matcher and whose arguments are all non-empty. */
  static RequestMatcher compile(Rule.Call call) {
    List<String> a = call.args();
    return switch (call.name()) {
      case "ClientIP" -> {
        arity(a, 1);
        IpChecker checker = ipChecker(a);
        yield r -> checker.contains(r.clientIp());
      }
      case "Method" -> {
        arity(a, 1);
        String method = a.get(0).toUpperCase(Locale.ROOT);
        yield r -> method.equals(r.method());
      }
      case "Host" -> {
        arity(a, 1);
        yield host(ascii(a.get(0), "Host"));
      }
      case "HostRegexp" -> {
        arity(a, 1);
        Pattern re = regex(ascii(a.get(0), "HostRegexp"), "HostRegexp");
        // Traefik also tries the CNAME-flattened host, which is "" when flattening is off.
        boolean matchesEmpty = RegexMatch.find(re, "");
        yield r -> matchesEmpty || RegexMatch.find(re, r.host());
      }
      case "Path" -> {
        arity(a, 1);
        String path = slash(a.get(0));
        yield r -> path.equals(r.path());
      }
      case "PathPrefix" -> {
        arity(a, 1);
        String prefix = slash(a.get(0));
        yield r -> r.path().startsWith(prefix);
      }
      case "PathRegexp" -> {
        arity(a, 1);
        Pattern re = regex(a.get(0), "PathRegexp");
        yield r -> RegexMatch.find(re, r.path());
      }
      case "Header" -> {
        arity(a, 2);
        String name = a.get(0);
        String value = a.get(1);
        yield r -> r.headers(name).contains(value);
      }
      case "HeaderRegexp" -> {
        arity(a, 2);
        String name = a.get(0);
        Pattern re = regex(a.get(1), "HeaderRegexp");
        yield r -> anyMatch(re, r.headers(name));
      }
      case "Query", "QueryRegexp" -> {
        arity(a, 1, 2);
        String key = a.get(0);
        if (a.size() == 1 || call.name().equals("Query")) {
          String value = a.size() == 2 ? a.get(1) : "";
          yield r -> {
            List<String> values = r.query().get(key);
            return values != null && values.contains(value);
          };
        }
        Pattern re = regex(a.get(1), "QueryRegexp");
        yield r -> {
          List<String> values = r.query().get(key);
          return values != null && anyMatch(re, values);
        };
      }
      default -> throw new IllegalStateException("not a v3 matcher: " + call.name());
    };
  }

  /** Traefik's Host match: equal, or equal once a trailing dot is dropped from either side. */
  static RequestMatcher host(String ruleHost) {
    String host = ruleHost.toLowerCase(Locale.ROOT);
    String bare = host.endsWith(".") ? host.substring(0, host.length() - 1) : null;
    return r -> {
      String req = r.host();
      if (req.isEmpty()) {
        return false;
      }
      return req.equals(host)
          || bare != null && req.equals(bare)
          || req.endsWith(".") && req.length() - 1 == host.length() && req.startsWith(host);
    };
  }

  static boolean anyMatch(Pattern re, List<String> values) {
    for (String v : values) {
      if (RegexMatch.find(re, v)) {
        return true;
      }
    }
    return false;
  }

  static IpChecker ipChecker(List<String> ips) {
    try {
      return IpChecker.of(ips);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "initializing IP checker for ClientIP matcher: " + e.getMessage());
    }
  }

  private static void arity(List<String> args, int... allowed) {
    for (int n : allowed) {
      if (args.size() == n) {
        return;
      }
    }
    StringBuilder list = new StringBuilder("[");
    for (int k = 0; k < allowed.length; k++) {
      list.append(k == 0 ? "" : " ").append(allowed[k]);
    }
    throw new IllegalArgumentException("unexpected number of parameters; got " + args.size()
        + ", expected one of " + list.append(']'));
  }

  static String ascii(String value, String matcher) {
    if (!value.chars().allMatch(c -> c < 128)) {
      throw new IllegalArgumentException("invalid value \"" + value + "\" for " + matcher
          + " matcher, non-ASCII characters are not allowed");
    }
    return value;
  }

  private static String slash(String path) {
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("path \"" + path + "\" does not start with a '/'");
    }
    return path;
  }

  private static Pattern regex(String re, String matcher) {
    try {
      return GoRegex.compile(re);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("compiling " + matcher + " matcher: " + e.getMessage());
    }
  }
}
