package io.cairn.gateway.runtime;

import io.cairn.gateway.acme.RouterDomains;
import io.cairn.gateway.config.DynamicConfig;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Which {@code tls.options} each server name's handshake uses, from the routers, as Traefik
 * decides it: a TLS router's options (its {@code tls.options}, {@code default} when empty, a
 * {@code @provider} suffix dropped since one TLS store serves every provider) apply to the names it
 * serves ({@code tls.domains}, else its rule's {@code Host} names). A name claimed by routers with
 * different options gets {@code default}, with a warning (Traefik: "Found different TLS options
 * for routers on the same host"). Names on {@code default} are left out of the map. Pure function.
 */
final class RouterTlsOptions {
  private RouterTlsOptions() {}

  static Map<String, String> byHost(Map<String, DynamicConfig> modeled, String defaultRuleSyntax, Consumer<String> warn) {
    Map<String, String> out = new HashMap<>();
    Set<String> conflicting = new HashSet<>();
    modeled.values().forEach(c -> c.http().routers().forEach((name, router) -> router.tls().ifPresent(tls -> {
      String options = tls.options().isEmpty() ? "default" : tls.options();
      int at = options.lastIndexOf('@');
      String plain = at > 0 ? options.substring(0, at) : options;
      for (String host : RouterDomains.namesOf(name, router, defaultRuleSyntax)) {
        String before = out.putIfAbsent(host, plain);
        if (before != null && !before.equals(plain) && conflicting.add(host)) {
          warn.accept("routers on host " + host + " ask for different TLS options (" + before + ", " + plain
              + "); the default options are used");
        }
      }
    })));
    conflicting.forEach(out::remove);
    out.values().removeIf("default"::equals);
    return out;
  }
}
