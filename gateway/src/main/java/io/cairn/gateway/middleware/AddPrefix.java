package io.cairn.gateway.middleware;

/** {@code addPrefix}: the prefix goes before the path and the raw path (leading {@code /} ensured). */
final class AddPrefix implements Middleware {
  private final String prefix;

  AddPrefix(String prefix) {
    this.prefix = prefix;
  }

  @Override
  public Outcome onRequest(Exchange ex) {
    String raw = ex.rawPath().isEmpty() ? "" : StripPrefix.ensureLeadingSlash(prefix + ex.rawPath());
    ex.path(StripPrefix.ensureLeadingSlash(prefix + ex.path()), raw);
    return Outcome.CONTINUE;
  }
}
