package io.cairn.gateway.config;

import java.util.Optional;

/** Resolves {@code name} / {@code name@provider} references within one provider's configuration. */
final class Refs {
  private final DynamicConfig config;
  private final String provider;

  Refs(DynamicConfig config, String provider) {
    this.config = config;
    this.provider = provider;
  }

  /** The local name of a reference without a provider suffix; empty for qualified ones. */
  static Optional<String> local(String ref) {
    return ref.contains("@") ? Optional.empty() : Optional.of(ref);
  }

  void service(String key, String ref, Problems problems) {
    check(key, ref, "service", config.http().services().keySet(), Validator.INTERNAL_SERVICES, problems);
  }

  void middleware(String key, String ref, Problems problems) {
    check(key, ref, "middleware", config.http().middlewares().keySet(), Validator.INTERNAL_MIDDLEWARES, problems);
  }

  void serversTransport(String key, String ref, Problems problems) {
    check(key, ref, "servers transport", config.http().serversTransports().keySet(), java.util.Set.of("default"), problems);
  }

  private void check(String key, String ref, String what, java.util.Set<String> local, java.util.Set<String> internal,
      Problems problems) {
    int at = ref.lastIndexOf('@');
    String name = at < 0 ? ref : ref.substring(0, at);
    String from = at < 0 ? provider : ref.substring(at + 1);
    if (name.isEmpty() || (at >= 0 && from.isEmpty())) {
      problems.add(key, "expected a " + what + " name or name@provider, got \"" + ref + "\"");
    } else if (from.equals(provider)) {
      if (!local.contains(name)) {
        problems.add(key, "no " + what + " named \"" + name + "\" in the " + provider + " provider");
      }
    } else if (from.equals("internal") && !internal.contains(name)) {
      problems.add(key, "no built-in " + what + " named \"" + name + "@internal\" (have: "
          + String.join(", ", internal.stream().sorted().toList()) + ")");
    }
  }
}
