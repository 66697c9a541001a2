package io.cairn.monitor.rules;

import io.cairn.monitor.notifier.Alert;
import java.util.List;

/**
 * Where the rule manager hands alerts after evaluating an alerting rule, Prometheus's {@code
 * NotifyFunc} with its {@code sendAlerts} conversion already applied: firing alerts due for a
 * (re)send and alerts resolved since their last send, as Alertmanager alerts. Called on the group's
 * evaluation thread, only with a non-empty list; implementations must not block for long (queue
 * and return) and must be thread-safe (groups run concurrently).
 */
@FunctionalInterface
public interface AlertSender {
  /** Sends nothing: for a monitor without Alertmanagers. */
  AlertSender NONE = (expr, alerts) -> { };

  /**
   * @param expr the rule's expression as Prometheus prints it
   * @param alerts never empty; labels include {@code alertname}
   */
  void send(String expr, List<Alert> alerts);
}
