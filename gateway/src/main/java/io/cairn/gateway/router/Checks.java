package io.cairn.gateway.router;

/** Argument checks in the manner of Caffeine's {@code Preconditions.requireArgument}. */
final class Checks {
  private Checks() {}

  /**
   * Throws {@link IllegalArgumentException} with the formatted message when {@code ok} is false.
   */
  static void requireArgument(boolean ok, String format, Object... args) {
    if (!ok) {
      throw new IllegalArgumentException(String.format(format, args));
    }
  }
}
