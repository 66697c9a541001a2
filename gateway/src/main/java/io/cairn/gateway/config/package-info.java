/**
 * Traefik's configuration as typed, immutable records, decoded from YAML, TOML and flags, and
 * validated as a whole.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li>{@link io.cairn.gateway.config.DynamicConfig#parse} and {@link
 *       io.cairn.gateway.config.StaticConfig#parse}/{@link io.cairn.gateway.config.StaticConfig#fromArgs}
 *       return a value or throw a {@link io.cairn.gateway.config.ConfigException} listing
 *       <em>every</em> problem as {@code ConfigProblem(file, key, message)}; for any input they
 *       throw nothing else (fuzzed). Keys are dotted paths in Traefik's spelling ({@code
 *       http.routers.api.service}, {@code http.services.s.loadBalancer.servers[0].url}).
 *   <li>{@link io.cairn.gateway.config.Validator} checks references, cycles, options and rule syntax
 *       (through a {@link io.cairn.gateway.config.RuleChecker}, implemented by the router package).
 *   <li>Every record is immutable (lists and maps are unmodifiable copies that keep source order)
 *       and thread-safe; absent optional sections are {@link java.util.Optional#empty()}, never null.
 * </ul>
 *
 * <h2>Decisions (where Traefik is ambiguous or cairn chose)</h2>
 *
 * <ul>
 *   <li><b>Spelling.</b> As paerser: option names are case-insensitive, element names (routers,
 *       entry points, headers) keep their case; scalars are read from their text ({@code "8080"} is
 *       an integer, {@code "true"} a boolean, Go's {@code ParseBool} words); a list of strings may be
 *       one comma-separated string. YAML {@code yes/no/on/off} are strings (Go's yaml.v3).
 *   <li><b>Unknown options are errors</b> (paerser: "field not found"), naming the accepted options.
 *       Duplicate keys are errors. Wrong types name the expected type.
 *   <li><b>Durations</b>: a plain integer is seconds, else Go's {@code time.ParseDuration} syntax
 *       (paerser's {@code types.Duration}).
 *   <li><b>Defaults</b> are Traefik v3's {@code SetDefaults}: passHostHeader true, strategy wrr,
 *       server and weighted weight 1, flushInterval 100ms, health check mode http / interval 30s /
 *       timeout 5s / followRedirects true, sticky cookie path {@code /}, mirroring mirrorBody true
 *       and maxBodySize -1, rateLimit period 1s burst 1, circuitBreaker 100ms/10s/10s/503, compress
 *       1024 bytes and {@code zstd, br, gzip}, buffering mem thresholds 1 MiB, basicAuth realm
 *       {@code traefik}, ipAllowList reject 403, TLS min {@code VersionTLS12} and ALPN {@code h2,
 *       http/1.1, acme-tls/1}, forwarding timeouts dial 30s / idle 90s / ping 15s, maxIdleConnsPerHost
 *       200; static: read 60s, idle 180s, grace 10s, HTTP/2 250 streams, redirection scheme https
 *       permanent, file provider watch true, etcd {@code 127.0.0.1:2379} root {@code traefik}, api
 *       dashboard true, access log {@code common}, Prometheus buckets 0.1/0.3/1.2/5.0 with entry point
 *       and service labels, log ERROR, ACME Let's Encrypt with {@code acme.json} and RSA4096, rule
 *       syntax v3, providers throttle 2s.
 *   <li><b>Effective static configuration</b>: no entry point means {@code http} on {@code :80};
 *       {@code api.insecure} or Prometheus on the {@code traefik} entry point add {@code traefik} on
 *       {@code :8080} (Traefik's {@code SetEffectiveConfiguration}).
 *   <li><b>Flags</b>: {@code --a.b=v}, bare boolean/section flags, {@code --a.b v}, {@code x[0].y}
 *       list elements; last value wins. With {@code --configFile} the other flags are ignored (as in
 *       Traefik; reported in {@code Loaded.ignoredFlags}); Traefik's search of default file locations
 *       is not done.
 *   <li><b>Provider namespaces</b>: elements are {@code name@provider}; the file provider is {@code
 *       file}, the kv provider {@code etcd} (Traefik's etcd provider name), built-ins {@code
 *       internal}. Unqualified and same-provider references are checked, {@code @internal} ones
 *       against Traefik's built-in names, other providers' ones are accepted unchecked.
 *   <li><b>Service and middleware kinds</b>: exactly one per element, enforced while decoding (so
 *       the sealed types cannot hold none or two).
 *   <li><b>Validation beyond Traefik's start-up errors</b>: a router without rule or service is a
 *       problem (Traefik logs it and skips the router); regexes compile with {@code java.util.regex}
 *       (RE2 {@code (?P<n>)} groups accepted).
 * </ul>
 *
 * <h2>cairn extensions</h2>
 *
 * {@code http.services.NAME.fileServer: {root, browse, index, precompressed}}: a Caddy-style static
 * file server as a service (see {@code io.cairn.gateway.files}); {@code root} must be an existing
 * directory (relative to the working directory), {@code index} defaults to {@code index.html,
 * index.txt}, {@code precompressed} lists {@code zstd}/{@code br}/{@code gzip} sidecars in
 * preference order. Traefik refuses the key.
 *
 * <h2>Not supported (refused with a message saying so)</h2>
 *
 * {@code tcp} and {@code udp} sections, {@code http.models}, the middlewares {@code digestAuth},
 * {@code passTLSClientCert}, {@code contentType}, {@code grpcWeb}, {@code plugin} and the removed
 * {@code ipWhiteList}; static {@code ping}, {@code tracing}, {@code experimental}, {@code
 * hostResolver}, {@code spiffe}, entry point {@code asDefault}, ACME {@code dnsChallenge}, and
 * providers other than file and etcd. Go templates in dynamic files are not supported: the text is
 * read as plain YAML/TOML, so {@code {{ }}} is literal text (and usually a syntax error). {@code
 * global} is accepted and ignored. Only the first document of a YAML file is read.
 */
package io.cairn.gateway.config;
