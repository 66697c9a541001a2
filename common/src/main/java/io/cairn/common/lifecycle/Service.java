package io.cairn.common.lifecycle;

import java.util.List;

/**
 * A long-running part of cairn.
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>{@link #start()} is called once, from one thread. It binds ports and starts background work,
 *       and returns once the service accepts connections; it may block on I/O (opening storage) but
 *       not indefinitely. If it throws, the service has released whatever it acquired.
 *   <li>{@link #isReady()} may be called from any thread at any time, also before start and after
 *       stop; it is cheap and never blocks. Ready means "can serve requests now" (for kv: has a
 *       leader).
 *   <li>{@link #stop()} may be called from any thread, more than once, also when start failed or was
 *       never called; it releases everything and returns within a few seconds, dropping work still in
 *       flight rather than waiting for it.
 * </ul>
 */
public interface Service {
  /** Short, stable, lower-case name used in logs and {@code /readyz}. */
  String name();

  void start() throws Exception;

  boolean isReady();

  void stop();

  /** Where this service listens, with bound ports; empty before start. */
  List<Endpoint> endpoints();
}
