package io.cairn.gateway.server;

/** Caffeine-style argument checks whose messages say what was wrong and what was expected. */
final class Checks {
  private Checks() {}

  static void requireArgument(boolean ok, String template, Object... args) {
    if (!ok) {
      throw new IllegalArgumentException(String.format(template, args));
    }
  }
}
