/**
 * Logging through slf4j with logback behind it. {@link io.cairn.common.logging.Logging#configure}
 * replaces whatever logback found at start-up with one console appender on standard error, in a
 * readable text format or as JSON lines (logback's {@code JsonEncoder}). Standard output is kept for
 * the few lines a user or script reads, such as where each endpoint listens.
 */
package io.cairn.common.logging;
