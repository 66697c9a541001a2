/**
 * The {@code cairn} command line (picocli).
 *
 * <ul>
 *   <li>{@link io.cairn.server.Main} — entry point; maps failures to exit codes (0 ok, 1 runtime
 *       failure, 2 bad flags or config) and one-line messages, never stack traces.
 *   <li>{@link io.cairn.server.CairnCommand} — the top command and its subcommands: {@code up},
 *       {@code version}, and one per service as each lands.
 *   <li>{@link io.cairn.server.ConfigOptions} — turns {@code ConfigKey}s into flags, so a setting's
 *       flag, YAML path, default and help text are declared once.
 *   <li>{@link io.cairn.server.Stack} — which services each serving command runs; {@link
 *       io.cairn.server.UpGateway} is {@code cairn up}'s gateway, with the starter routes of {@link
 *       io.cairn.server.StarterRoutes}.
 *   <li>{@link io.cairn.server.ProcessRunner} — starts a service group, prints its endpoints, waits
 *       for SIGTERM/SIGINT and stops it (exit 0 within 5 s).
 * </ul>
 */
package io.cairn.server;
