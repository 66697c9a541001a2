/**
 * The admin HTTP endpoint every cairn process serves (default {@code 127.0.0.1:9901}):
 *
 * <table>
 *   <caption>Admin paths</caption>
 *   <tr><th>path</th><th>answer</th></tr>
 *   <tr><td>{@code GET /metrics}</td><td>Prometheus text 0.0.4, or OpenMetrics 1.0 when the {@code
 *       Accept} header asks for it; gzip when accepted</td></tr>
 *   <tr><td>{@code GET /healthz}</td><td>200 {@code ok} while the process runs</td></tr>
 *   <tr><td>{@code GET /readyz}</td><td>200 {@code ok} when every service is ready, else 503 naming
 *       those that are not</td></tr>
 * </table>
 *
 * <p>Any other path is 404, any method but GET and HEAD is 405. Request bodies are never read. Built on
 * the JDK's {@code com.sun.net.httpserver} with one virtual thread per exchange: it serves a handful
 * of scrapes and probes, not user traffic.
 */
package io.cairn.common.admin;
