package io.cairn.gateway.router;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Traefik v2 matchers ({@code pkg/muxer/http/matcher_v2.go}): several values per matcher, most
 * of them gorilla/mux templates (see {@link MuxTemplate}). A list of hosts, paths, methods or IPs
 * matches when any one does; a list of header or query pairs when every pair does.
 */
final class MatchersV2 {
  private MatchersV2() {}

  /** Compiles a call whose name is a v2 matcher and whose arguments are all non-empty. */
  static RequestMatcher compile(Rule.Call call) {
    List<String> a = call.args();
    return switch (call.name()) {
      case "Host", "HostHeader" -> {
        List<RequestMatcher> hosts = new ArrayList<>();
        for (String h : a) {
          hosts.add(MatchersV3.host(MatchersV3.ascii(h, "\"Host\"")));
        }
        yield any(hosts);
      }
      case "HostRegexp" -> {
        List<Pattern> res = new ArrayList<>();
        for (String h : a) {
          res.add(MuxTemplate.compile(MatchersV3.ascii(h, "HostRegexp"), MuxTemplate.Kind.HOST));
        }
        yield r -> anyFind(res, r.host());
      }
      case "Path", "PathPrefix" -> {
        MuxTemplate.Kind kind =
            call.name().equals("Path") ? MuxTemplate.Kind.PATH : MuxTemplate.Kind.PREFIX;
        List<Pattern> res = new ArrayList<>();
        for (String p : a) {
          if (!p.startsWith("/")) {
            throw new IllegalArgumentException("mux: path must start with a slash, got \"" + p
                + "\"");
          }
          res.add(MuxTemplate.compile(p, kind));
        }
        yield r -> anyFind(res, r.path());
      }
      case "Method" -> {
        List<String> methods = a.stream().map(m -> m.toUpperCase(Locale.ROOT)).toList();
        yield r -> methods.contains(r.method());
      }
      case "ClientIP" -> {
        IpChecker checker;
        try {
          checker = IpChecker.of(a);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "could not initialize IP Checker for \"ClientIP\" matcher: " + e.getMessage());
        }
        yield r -> checker.contains(r.clientIp());
      }
      case "Headers" -> {
        pairs(a);
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (int k = 0; k < a.size(); k += 2) {
          names.add(a.get(k));
          values.add(a.get(k + 1));
        }
        yield r -> {
          for (int k = 0; k < names.size(); k++) {
            List<String> got = r.headers(names.get(k));
            if (got.isEmpty() || !values.get(k).isEmpty() && !got.contains(values.get(k))) {
              return false;
            }
          }
          return true;
        };
      }
      case "HeadersRegexp" -> {
        pairs(a);
        List<String> names = new ArrayList<>();
        List<Pattern> res = new ArrayList<>();
        for (int k = 0; k < a.size(); k += 2) {
          names.add(a.get(k));
          res.add(GoRegex.compile(a.get(k + 1)));
        }
        yield r -> {
          for (int k = 0; k < names.size(); k++) {
            if (!MatchersV3.anyMatch(res.get(k), r.headers(names.get(k)))) {
              return false;
            }
          }
          return true;
        };
      }
      case "Query" -> {
        List<String> flat = new ArrayList<>();
        for (String q : a) {
          int eq = q.indexOf('=');
          flat.add(eq < 0 ? q : q.substring(0, eq));
          if (eq >= 0) {
            flat.add(q.substring(eq + 1));
          }
        }
        pairs(flat);
        List<String> keys = new ArrayList<>();
        List<Pattern> res = new ArrayList<>();
        for (int k = 0; k < flat.size(); k += 2) {
          keys.add(flat.get(k));
          res.add(MuxTemplate.compile(flat.get(k) + "=" + flat.get(k + 1), MuxTemplate.Kind.QUERY));
        }
        yield r -> {
          for (int k = 0; k < keys.size(); k++) {
            List<String> values = r.query().get(keys.get(k));
            String first = values == null || values.isEmpty() ? "" : keys.get(k) + "=" + values.get(0);
            if (!RegexMatch.find(res.get(k), first)) {
              return false;
            }
          }
          return true;
        };
      }
      default -> throw new IllegalStateException("not a v2 matcher: " + call.name());
    };
  }

  private static void pairs(List<String> a) {
    if (a.size() % 2 != 0) {
      throw new IllegalArgumentException(
          "mux: number of parameters must be multiple of 2, got [" + String.join(" ", a) + "]");
    }
  }

  private static boolean anyFind(List<Pattern> res, String input) {
    for (Pattern re : res) {
      if (RegexMatch.find(re, input)) {
        return true;
      }
    }
    return false;
  }

  private static RequestMatcher any(List<RequestMatcher> ms) {
    return r -> {
      for (RequestMatcher m : ms) {
        if (m.matches(r)) {
          return true;
        }
      }
      return false;
    };
  }
}
