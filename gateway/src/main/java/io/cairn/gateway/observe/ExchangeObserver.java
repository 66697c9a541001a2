package io.cairn.gateway.observe;

import java.util.List;

/**
 * Told about every finished exchange of an entry point: access logs and metrics.
 *
 * <p>Contract: {@link #finished} is called exactly once per exchange (a proxied request, an answer
 * the gateway gave itself, a request the server refused), on the connection's event loop, from
 * several loops at once. Implementations are thread-safe, must not block and must not throw (a
 * throw is logged and dropped by the caller); slow work (file writes) goes to their own thread.
 */
@FunctionalInterface
public interface ExchangeObserver {
  /** Observes nothing. */
  ExchangeObserver NONE = r -> { };

  void finished(ExchangeRecord record);

  /** All of {@code observers}, in order; {@link #NONE} when the list is empty. */
  static ExchangeObserver all(List<ExchangeObserver> observers) {
    List<ExchangeObserver> list = observers.stream().filter(o -> o != NONE).toList();
    if (list.isEmpty()) {
      return NONE;
    }
    if (list.size() == 1) {
      return list.getFirst();
    }
    return r -> {
      for (ExchangeObserver o : list) {
        o.finished(r);
      }
    };
  }
}
