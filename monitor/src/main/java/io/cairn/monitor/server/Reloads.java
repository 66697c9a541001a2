package io.cairn.monitor.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** SIGHUP → reload, as Prometheus. Uses {@code sun.misc.Signal}; where unavailable it logs and goes on. */
final class Reloads {
  private static final Logger log = LoggerFactory.getLogger(Reloads.class);

  private Reloads() {}

  static void onSighup(Runnable reload) {
    try {
      sun.misc.Signal.handle(new sun.misc.Signal("HUP"), s -> Thread.ofVirtual().name("sighup-reload").start(reload));
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      log.warn("SIGHUP cannot be handled here ({}); reload with POST /-/reload instead", e.getMessage());
    }
  }
}
