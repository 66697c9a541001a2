/**
 * The file provider: dynamic configuration from a file, a directory, or several, watched for
 * changes.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li>{@link io.cairn.gateway.provider.file.FileProvider#load()} reads, merges and validates, and
 *       returns an immutable {@link io.cairn.gateway.provider.file.DynamicSnapshot} or throws a
 *       {@link io.cairn.gateway.config.ConfigException} with every problem, each naming the file that
 *       defined the offending element.
 *   <li>{@link io.cairn.gateway.provider.file.FileWatcher} reloads after changes (debounced,
 *       default 300 ms of quiet) and hands valid, changed snapshots to a listener; refused ones go to
 *       an error listener and the previous snapshot stays.
 *   <li>{@link io.cairn.gateway.provider.file.Validate#files} is the offline check behind {@code
 *       cairn gateway validate FILE...}.
 * </ul>
 *
 * <h2>Decisions (mirroring Traefik's {@code pkg/provider/file})</h2>
 *
 * <ul>
 *   <li>A directory contributes {@code *.yml}, {@code *.yaml}, {@code *.toml} (any case),
 *       recursively, in file-name order; other files are ignored. A path given explicitly is read
 *       whatever its extension ({@code .toml} is TOML, anything else YAML).
 *   <li>An element defined in two files: the first (in that order) wins, the later is skipped with a
 *       warning, as Traefik's "HTTP router already configured, skipping". TLS certificates from all
 *       files are kept (duplicates once).
 *   <li>One file that does not decode fails the whole load (Traefik does the same), but the problems
 *       of all files are reported.
 *   <li>Names in the snapshot are unqualified; whoever combines providers appends {@code @file}.
 *   <li>Go templates ({@code {{ }}}) in files are not supported.
 * </ul>
 */
package io.cairn.gateway.provider.file;
