/**
 * The Prometheus 2.42 configuration file ({@code prometheus.yml}), as users write it, parsed into
 * immutable records with Prometheus's defaults. Entry points: {@link
 * io.cairn.monitor.config.PromConfig#load} and {@link io.cairn.monitor.config.PromConfig#parse};
 * errors are {@link io.cairn.monitor.config.ConfigException}; durations {@link
 * io.cairn.common.text.PromDuration}.
 *
 * <h2>What is read</h2>
 *
 * <ul>
 *   <li>{@code global}: scrape_interval (1m), scrape_timeout (10s, capped at the interval),
 *       evaluation_interval (1m), external_labels, query_log_file.
 *   <li>{@code rule_files}: kept (names resolved, not read yet).
 *   <li>{@code scrape_configs}: every field of Prometheus 2.42's scrape config, the HTTP client
 *       fields (basic_auth, authorization, bearer_token[_file], oauth2 kept raw, tls_config,
 *       proxy_url, follow_redirects, enable_http2), static_configs, file_sd_configs,
 *       http_sd_configs, relabel_configs, metric_relabel_configs, and cairn's kv_sd_configs.
 *   <li>{@code alerting}, {@code remote_write}, {@code remote_read}, {@code storage}, {@code
 *       tracing}: accepted and kept as raw values so real configs load; cairn does not validate or
 *       use them yet.
 * </ul>
 *
 * <h2>kv_sd_configs (cairn only)</h2>
 *
 * <pre>{@code
 * kv_sd_configs:
 *   - endpoints: ["127.0.0.1:2379"]   # default; cairn kv (etcd API) client endpoints
 *     prefix: /cairn/targets/         # default
 *     tls_config: {...}               # optional
 *     basic_auth: {username: u, password: p}   # optional, kv auth
 * }</pre>
 *
 * Each key under the prefix holds one JSON target group exactly like an HTTP SD or file SD entry,
 * {@code {"targets":["host:port"],"labels":{"k":"v"}}}, or a JSON list of them; the key is the
 * group's source. Services register with a lease, so their targets vanish when they stop.
 *
 * <h2>Design decisions</h2>
 *
 * <ul>
 *   <li>Go {@code yaml.UnmarshalStrict} semantics: unknown and repeated fields are errors, named
 *       with their line and the Go type Prometheus names ({@code field foo not found in type
 *       config.ScrapeConfig}); type errors are collected and reported together; validation errors
 *       stop at the first. A YAML null sets Go's zero value ({@code honor_timestamps:} is false).
 *   <li>YAML is composed by SnakeYAML (shipped with jackson-dataformat-yaml) into a node tree that
 *       keeps tags and lines; Jackson's data binding would lose both. YAML 1.1 booleans ({@code
 *       yes/no/on/off}) as in yaml.v2, except yaml.v2's {@code y}/{@code n}, which stay strings.
 *   <li>Relative file names (password_file, credentials_file, bearer_token_file, ca/cert/key_file,
 *       file_sd files, rule_files, query_log_file) are resolved against the config file's
 *       directory, as Prometheus's {@code SetDirectory}.
 *   <li>Stricter than Prometheus in two places: {@code scheme} must be http or https (Prometheus
 *       only fails once a target exists), and a client certificate needs its key (Prometheus fails
 *       when it builds the client). Discovery mechanisms other than static, file, HTTP and kv are
 *       refused by name rather than silently ignored.
 *   <li>Not checked here (promtool checks them): that referenced files exist, rule file syntax,
 *       the contents of the raw sections.
 * </ul>
 *
 * <h2>Limits</h2>
 *
 * <table>
 *   <caption>Limits</caption>
 *   <tr><th>what</th><th>limit</th><th>beyond it</th></tr>
 *   <tr><td>config file size</td><td>16 MiB, read bounded</td><td>ConfigException</td></tr>
 *   <tr><td>YAML nesting depth</td><td>64</td><td>ConfigException</td></tr>
 *   <tr><td>alias expansions per file</td><td>100</td><td>ConfigException</td></tr>
 *   <tr><td>durations</td><td>Go's time.Duration, about 292 years</td><td>duration out of range</td></tr>
 * </table>
 */
package io.cairn.monitor.config;
