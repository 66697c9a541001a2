package io.cairn.server.kv;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Repeats an observation until it satisfies a condition or a deadline passes. */
final class Poll {
  private static final long INTERVAL_MILLIS = 200;

  private Poll() {}

  /**
   * Returns the first observation that satisfies {@code done}; fails, showing the last observation,
   * if none does within {@code limit}.
   */
  static <T> T until(String what, Duration limit, Supplier<T> observe, Predicate<T> done) {
    return until(what, limit, observe, done, () -> "");
  }

  /** As {@link #until(String, Duration, Supplier, Predicate)}, adding {@code context} to a failure. */
  static <T> T until(String what, Duration limit, Supplier<T> observe, Predicate<T> done, Supplier<String> context) {
    long deadline = System.nanoTime() + limit.toNanos();
    T last = observe.get();
    while (!done.test(last)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            what + " did not happen within " + limit.toSeconds() + "s; last observed: " + last + context.get());
      }
      try {
        Thread.sleep(INTERVAL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting until " + what, e);
      }
      last = observe.get();
    }
    return last;
  }
}
