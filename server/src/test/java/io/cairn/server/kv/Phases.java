package io.cairn.server.kv;

import java.util.concurrent.TimeUnit;

/** Prints how long each phase of a long test took, so its timing can be tuned from the output. */
final class Phases {
  private final String test;
  private final long start = System.nanoTime();
  private long last = start;

  Phases(String test) {
    this.test = test;
  }

  void done(String phase) {
    long now = System.nanoTime();
    System.out.printf("[%s] %-45s %6d ms (total %6d ms)%n", test, phase,
        TimeUnit.NANOSECONDS.toMillis(now - last), TimeUnit.NANOSECONDS.toMillis(now - start));
    last = now;
  }
}
