package io.cairn.gateway.acme;

import io.cairn.gateway.config.Domain;
import io.cairn.gateway.config.HttpConfig;
import io.cairn.gateway.config.Router;
import io.cairn.gateway.router.Rule;
import io.cairn.gateway.router.RuleSyntaxException;
import io.cairn.gateway.router.Rules;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which domain lists a resolver is asked for, as Traefik's ACME provider reads them from routers:
 * every router whose {@code tls.certResolver} names the resolver contributes each of its {@code
 * tls.domains} ({@code main} then {@code sans}) as one list, or, when it has none, one list of the
 * {@code Host} names of its rule (in rule order). Decision: names under {@code !} are left out
 * (a router that excludes a host does not want a certificate for it). A rule without a Host name
 * contributes nothing and is logged, as Traefik does. Pure function; feed each list to {@link
 * AcmeResolver#ensure}.
 */
public final class RouterDomains {
  private static final Logger LOG = LoggerFactory.getLogger(RouterDomains.class);

  private RouterDomains() {}

  /**
   * The distinct domain lists for {@code resolver}, in router order.
   *
   * @param defaultRuleSyntax {@code core.defaultRuleSyntax}, for routers that set none
   */
  public static List<List<String>> forResolver(
      String resolver, HttpConfig http, String defaultRuleSyntax) {
    var out = new LinkedHashSet<List<String>>();
    http.routers().forEach((name, router) -> {
      var tls = router.tls().orElse(null);
      if (tls == null || !tls.certResolver().equals(resolver)) {
        return;
      }
      if (!tls.domains().isEmpty()) {
        for (Domain d : tls.domains()) {
          var names = new ArrayList<String>();
          if (!d.main().isEmpty()) {
            names.add(d.main().toLowerCase(Locale.ROOT));
          }
          d.sans().forEach(s -> names.add(s.toLowerCase(Locale.ROOT)));
          if (!names.isEmpty()) {
            out.add(List.copyOf(new LinkedHashSet<>(names)));
          }
        }
        return;
      }
      var hosts = hosts(name, router, defaultRuleSyntax);
      if (hosts.isEmpty()) {
        LOG.warn("router {}: no domain found in rule {} for certificate resolver {}", name,
            router.rule(), resolver);
      } else {
        out.add(List.copyOf(hosts));
      }
    });
    return List.copyOf(out);
  }

  /**
   * The names a TLS router serves: its {@code tls.domains} ({@code main} and {@code sans}) when it
   * has some, else the {@code Host} names of its rule (lower-case; names under {@code !} left out).
   */
  public static List<String> namesOf(String name, Router router, String defaultRuleSyntax) {
    var names = new LinkedHashSet<String>();
    router.tls().ifPresent(tls -> tls.domains().forEach(d -> {
      if (!d.main().isEmpty()) {
        names.add(d.main().toLowerCase(Locale.ROOT));
      }
      d.sans().forEach(x -> names.add(x.toLowerCase(Locale.ROOT)));
    }));
    if (names.isEmpty()) {
      names.addAll(hosts(name, router, defaultRuleSyntax));
    }
    return List.copyOf(names);
  }

  private static Set<String> hosts(String name, Router router, String defaultRuleSyntax) {
    var hosts = new LinkedHashSet<String>();
    String syntax = router.ruleSyntax().isEmpty() ? defaultRuleSyntax : router.ruleSyntax();
    try {
      collect(Rules.parse(router.rule(), syntax), hosts);
    } catch (RuleSyntaxException e) {
      LOG.warn("router {}: rule cannot be parsed for ACME domains: {}", name, e.getMessage());
    }
    return hosts;
  }

  private static void collect(Rule rule, Set<String> hosts) {
    switch (rule) {
      case Rule.And and -> {
        collect(and.left(), hosts);
        collect(and.right(), hosts);
      }
      case Rule.Or or -> {
        collect(or.left(), hosts);
        collect(or.right(), hosts);
      }
      case Rule.Not not -> {}
      case Rule.Call call -> {
        if (call.name().equals("Host")) {
          call.args().stream().filter(a -> !a.isEmpty())
              .forEach(a -> hosts.add(a.toLowerCase(Locale.ROOT)));
        }
      }
    }
  }
}
