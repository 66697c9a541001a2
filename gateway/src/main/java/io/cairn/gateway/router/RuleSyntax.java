package io.cairn.gateway.router;

import java.util.Locale;

/** Traefik's rule syntaxes: {@code ruleSyntax} on a router, {@code core.defaultRuleSyntax}. */
public enum RuleSyntax {
  /** Traefik v2 matchers (gorilla/mux templates, several values per matcher). */
  V2,
  /** Traefik v3 matchers, the default. */
  V3;

  /**
   * The syntax named {@code name}: {@code v2} or {@code v3} in any case; {@code null}, empty or
   * any other value gives {@link #V3}, as Traefik's parser falls back to v3 for a syntax it does
   * not know.
   */
  public static RuleSyntax of(String name) {
    if (name != null && name.strip().toLowerCase(Locale.ROOT).equals("v2")) {
      return V2;
    }
    return V3;
  }
}
