/**
 * Prometheus's alert and console templates: Go's {@code text/template} language (actions,
 * pipelines, variables, {@code if}/{@code range}/{@code with}/{@code define}/{@code template}) with
 * Prometheus's functions ({@code humanize}, {@code humanize1024}, {@code humanizeDuration}, {@code
 * humanizePercentage}, {@code humanizeTimestamp}, {@code query}, {@code first}, {@code label},
 * {@code value}, {@code reReplaceAll}, {@code match}, {@code title}, {@code toUpper}, {@code
 * toLower}, {@code printf}, {@code safeHtml}, {@code stripPort}, {@code externalURL}, ...).
 *
 * <p>Entry point: {@link io.cairn.monitor.template.AlertTemplates}.
 */
package io.cairn.monitor.template;
