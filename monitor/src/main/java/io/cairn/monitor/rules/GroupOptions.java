package io.cairn.monitor.rules;

import io.cairn.tsdb.storage.Appendable;
import io.cairn.tsdb.storage.ChunkQuerier;

/**
 * What every group shares (Prometheus's {@code ManagerOptions}).
 *
 * @param storage where rule results are appended
 * @param querier read for restoring {@code for} state
 * @param query runs rule expressions
 * @param sender receives alerts to send
 * @param resendDelayMillis {@code --rules.alert.resend-delay}
 * @param outageToleranceMillis {@code --rules.alert.for-outage-tolerance}
 * @param gracePeriodMillis {@code --rules.alert.for-grace-period}
 * @param externalUrl {@code --web.external-url} (no trailing slash), for generator links and templates
 * @param metrics the manager's metrics; null in tests that do not need them
 */
record GroupOptions(Appendable storage, ChunkQuerier querier, QueryFunc query, AlertSender sender,
    long resendDelayMillis, long outageToleranceMillis, long gracePeriodMillis, String externalUrl, RuleMetrics metrics) {}
