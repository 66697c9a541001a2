package io.cairn.gateway.config;

import java.util.List;
import java.util.Objects;

/**
 * A certificate's names (Traefik's {@code types.Domain}): {@code main} and subject alternative
 * names; used by router TLS, entry point TLS and ACME.
 *
 * @param main the main name; may be empty when only {@code sans} are given
 * @param sans further names; never null, possibly empty
 */
public record Domain(String main, List<String> sans) {
  public Domain {
    Objects.requireNonNull(main, "main");
    sans = Checks.list(sans);
  }
}
