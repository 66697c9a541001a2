package io.cairn.gateway.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Traefik's static configuration, fixed at start: entry points, providers, API, access log,
 * metrics, log, certificate resolvers, core options and the default servers transport. Values are
 * the <em>effective</em> configuration (Traefik's {@code SetEffectiveConfiguration}): with no entry
 * point an {@code http} one on {@code :80} exists, and {@code api.insecure} or Prometheus metrics on
 * the {@code traefik} entry point add a {@code traefik} entry point on {@code :8080}.
 *
 * <p>Immutable and thread-safe. Sections that Traefik enables by their mere presence ({@code api},
 * {@code accessLog}, {@code metrics.prometheus}, {@code providers.file}) are {@link Optional}.
 */
public record StaticConfig(
    Map<String, EntryPoint> entryPoints,
    Providers providers,
    Optional<Api> api,
    Optional<AccessLog> accessLog,
    Optional<Prometheus> prometheus,
    Log log,
    Map<String, CertResolver> certificatesResolvers,
    Core core,
    ServersTransport serversTransport,
    Optional<Ping> ping) {

  /** A configuration without {@code ping}. */
  public StaticConfig(Map<String, EntryPoint> entryPoints, Providers providers, Optional<Api> api,
      Optional<AccessLog> accessLog, Optional<Prometheus> prometheus, Log log, Map<String, CertResolver> certificatesResolvers,
      Core core, ServersTransport serversTransport) {
    this(entryPoints, providers, api, accessLog, prometheus, log, certificatesResolvers, core, serversTransport,
        Optional.empty());
  }

  public StaticConfig {
    Objects.requireNonNull(ping, "ping");
    entryPoints = Checks.map(entryPoints);
    Objects.requireNonNull(providers, "providers");
    Objects.requireNonNull(api, "api");
    Objects.requireNonNull(accessLog, "accessLog");
    Objects.requireNonNull(prometheus, "prometheus");
    Objects.requireNonNull(log, "log");
    certificatesResolvers = Checks.map(certificatesResolvers);
    Objects.requireNonNull(core, "core");
    Objects.requireNonNull(serversTransport, "serversTransport");
  }

  /** What Traefik runs with when given nothing: an {@code http} entry point on {@code :80}. */
  public static StaticConfig defaults() {
    return StaticDecoder.effective(Map.of(), new Providers(Optional.empty(), Optional.empty(), Providers.DEFAULT_THROTTLE),
        Optional.empty(), Optional.empty(), Optional.empty(), Log.defaults(), Map.of(), new Core(Core.DEFAULT_RULE_SYNTAX),
        ServersTransport.defaults());
  }

  /**
   * The static configuration from command-line arguments in Traefik's spelling: {@code
   * --entryPoints.web.address=:8080}, {@code --providers.file.directory=/etc/cairn}, bare flags
   * for booleans and sections ({@code --api.dashboard}, {@code --accessLog}), {@code --name value}
   * for other options. With {@code --configFile=FILE} the file is read instead and the other flags
   * are ignored, as in Traefik (see {@link #load(List)} to learn which).
   *
   * @throws ConfigException listing every problem, including unknown flags
   */
  public static StaticConfig fromArgs(List<String> args) throws ConfigException {
    return load(args).config();
  }

  /** As {@link #fromArgs(List)}, also telling which file was read and which flags it overrode. */
  public static Loaded load(List<String> args) throws ConfigException {
    return Flags.load(args);
  }

  /**
   * Decodes a static configuration file's text (YAML, or TOML when {@code file} ends in {@code
   * .toml}).
   *
   * @param file the name used in problems and to pick the format; may be null (YAML)
   */
  public static StaticConfig parse(String content, String file) throws ConfigException {
    return StaticDecoder.decode(content, file == null ? Formats.Format.YAML : Formats.byName(file).orElse(Formats.Format.YAML), file);
  }

  /**
   * A loaded static configuration.
   *
   * @param configFile the file read, if {@code --configFile} was given
   * @param ignoredFlags flags given next to {@code --configFile}, which Traefik (and cairn) ignore
   */
  public record Loaded(StaticConfig config, Optional<Path> configFile, List<String> ignoredFlags) {
    public Loaded {
      Objects.requireNonNull(config, "config");
      Objects.requireNonNull(configFile, "configFile");
      ignoredFlags = Checks.list(ignoredFlags);
    }
  }

  /**
   * Providers of dynamic configuration.
   *
   * @param providersThrottleDuration wait this long after a provider's change before applying
   *     (default 2s, Traefik's)
   */
  public record Providers(Optional<FileProvider> file, Optional<EtcdProvider> etcd, Duration providersThrottleDuration) {
    public static final Duration DEFAULT_THROTTLE = Duration.ofSeconds(2);

    public Providers {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(etcd, "etcd");
      Objects.requireNonNull(providersThrottleDuration, "providersThrottleDuration");
    }
  }

  /**
   * {@code providers.file}: one file or a directory (directory wins if both are given, as in
   * Traefik); {@code watch} defaults to true.
   */
  public record FileProvider(String filename, String directory, boolean watch) {
    public FileProvider {
      Objects.requireNonNull(filename, "filename");
      Objects.requireNonNull(directory, "directory");
    }
  }

  /**
   * {@code providers.etcd}: endpoints (default {@code 127.0.0.1:2379}), root key (default {@code
   * traefik}), {@code username}/{@code password} (etcd auth; empty: none) and client {@code tls}.
   */
  public record EtcdProvider(List<String> endpoints, String rootKey, String username, String password, Optional<ClientTls> tls) {
    public static final List<String> DEFAULT_ENDPOINTS = List.of("127.0.0.1:2379");
    public static final String DEFAULT_ROOT_KEY = "traefik";

    public EtcdProvider {
      endpoints = Checks.list(endpoints);
      Objects.requireNonNull(rootKey, "rootKey");
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
      Objects.requireNonNull(tls, "tls");
    }

    /** Without auth or TLS. */
    public EtcdProvider(List<String> endpoints, String rootKey) {
      this(endpoints, rootKey, "", "", Optional.empty());
    }

    @Override
    public String toString() { // the password is not loggable, as Traefik's loggable:"false"
      return "EtcdProvider[endpoints=" + endpoints + ", rootKey=" + rootKey + ", username=" + username + ", tls=" + tls + "]";
    }
  }

  /**
   * Traefik's client TLS ({@code types.ClientTLS}): CA file to trust (empty: the system's), client
   * certificate and key files (empty: none), and {@code insecureSkipVerify}.
   */
  public record ClientTls(String ca, String cert, String key, boolean insecureSkipVerify) {
    public ClientTls {
      Objects.requireNonNull(ca, "ca");
      Objects.requireNonNull(cert, "cert");
      Objects.requireNonNull(key, "key");
    }
  }

  /** {@code api}: dashboard (default true), insecure (serve on the {@code traefik} entry point; default false). */
  public record Api(boolean dashboard, boolean insecure, boolean debug, String basePath) {
    public Api {
      Objects.requireNonNull(basePath, "basePath");
    }
  }

  /**
   * {@code accessLog}: file (empty: stdout), {@code common} (default) or {@code json}, lines buffered
   * (0: the default queue), which fields and headers a JSON line keeps, and which exchanges are logged.
   */
  public record AccessLog(String filePath, String format, long bufferingSize, AccessLogFields fields,
      Optional<AccessLogFilters> filters) {
    public AccessLog(String filePath, String format, long bufferingSize) {
      this(filePath, format, bufferingSize, AccessLogFields.DEFAULT, Optional.empty());
    }

    public AccessLog {
      Objects.requireNonNull(filePath, "filePath");
      Objects.requireNonNull(format, "format");
      Objects.requireNonNull(fields, "fields");
      Objects.requireNonNull(filters, "filters");
    }
  }

  /**
   * {@code accessLog.fields}: {@code defaultMode} {@code keep} (default) or {@code drop}, per-field
   * {@code names.NAME}; {@code headers.defaultMode} {@code drop} (default), {@code keep} or {@code
   * redact}, per-header {@code headers.names.NAME}.
   */
  public record AccessLogFields(String defaultMode, Map<String, String> names, String headersDefaultMode,
      Map<String, String> headerNames) {
    public static final AccessLogFields DEFAULT = new AccessLogFields("keep", Map.of(), "drop", Map.of());

    public AccessLogFields {
      Objects.requireNonNull(defaultMode, "defaultMode");
      names = Checks.map(names);
      Objects.requireNonNull(headersDefaultMode, "headersDefaultMode");
      headerNames = Checks.map(headerNames);
    }
  }

  /**
   * {@code accessLog.filters}: log only exchanges whose status is in one of {@code statusCodes}
   * ({@code "404"}, {@code "500-599"}), or that were retried ({@code retryAttempts}), or that took
   * longer than {@code minDuration} (zero: no such filter).
   */
  public record AccessLogFilters(List<String> statusCodes, boolean retryAttempts, Duration minDuration) {
    public AccessLogFilters {
      statusCodes = Checks.list(statusCodes);
      Objects.requireNonNull(minDuration, "minDuration");
    }
  }

  /** {@code ping}: answers {@code OK} on {@code /ping} of {@code entryPoint} (default {@code traefik}). */
  public record Ping(String entryPoint, boolean manualRouting, int terminatingStatusCode) {
    public Ping {
      Objects.requireNonNull(entryPoint, "entryPoint");
    }
  }

  /**
   * {@code metrics.prometheus}. Defaults: entryPoint {@code traefik}, buckets {@code 0.1, 0.3,
   * 1.2, 5.0}, entry point and service labels on, router labels off, no header labels ({@code
   * headerLabels.LABEL: Header-Name} adds a label holding that request header).
   */
  public record Prometheus(
      String entryPoint, List<Double> buckets, boolean addEntryPointsLabels, boolean addRoutersLabels,
      boolean addServicesLabels, boolean manualRouting, Map<String, String> headerLabels) {
    public static final List<Double> DEFAULT_BUCKETS = List.of(0.1, 0.3, 1.2, 5.0);

    public Prometheus(String entryPoint, List<Double> buckets, boolean addEntryPointsLabels, boolean addRoutersLabels,
        boolean addServicesLabels, boolean manualRouting) {
      this(entryPoint, buckets, addEntryPointsLabels, addRoutersLabels, addServicesLabels, manualRouting, Map.of());
    }

    public Prometheus {
      Objects.requireNonNull(entryPoint, "entryPoint");
      buckets = Checks.list(buckets);
      headerLabels = Checks.map(headerLabels);
    }
  }

  /** {@code log}: level (default {@code ERROR}), format {@code common} (default) or {@code json}, file (empty: stdout). */
  public record Log(String level, String format, String filePath) {
    public Log {
      Objects.requireNonNull(level, "level");
      Objects.requireNonNull(format, "format");
      Objects.requireNonNull(filePath, "filePath");
    }

    public static Log defaults() {
      return new Log("ERROR", "common", "");
    }
  }

  /** {@code certificatesResolvers.NAME}: only ACME is a resolver kind in Traefik. */
  public record CertResolver(Acme acme) {
    public CertResolver {
      Objects.requireNonNull(acme, "acme");
    }
  }

  /**
   * ACME settings. Defaults: storage {@code acme.json}, caServer Let's Encrypt production, keyType
   * {@code RSA4096}, certificatesDuration 2160 hours.
   *
   * @param httpChallenge entry point name for HTTP-01, when present
   * @param tlsChallenge whether TLS-ALPN-01 is enabled
   */
  public record Acme(
      String email, String storage, String caServer, String keyType, Optional<String> httpChallenge, boolean tlsChallenge,
      long certificatesDuration, List<String> caCertificates, boolean caSystemCertPool) {
    public static final String DEFAULT_CA = "https://acme-v02.api.letsencrypt.org/directory";

    /**
     * @param caCertificates PEM files whose certificates are trusted for the CA server's HTTPS
     *     (Traefik's {@code caCertificates}; a private CA such as Pebble or step-ca); empty means
     *     the JDK's trust store
     * @param caSystemCertPool with {@code caCertificates}, also trust the JDK's trust store
     */
    public Acme {
      Objects.requireNonNull(email, "email");
      Objects.requireNonNull(storage, "storage");
      Objects.requireNonNull(caServer, "caServer");
      Objects.requireNonNull(keyType, "keyType");
      Objects.requireNonNull(httpChallenge, "httpChallenge");
      caCertificates = Checks.list(caCertificates);
    }

    /** Settings trusting the CA server through the JDK's trust store. */
    public Acme(String email, String storage, String caServer, String keyType, Optional<String> httpChallenge,
        boolean tlsChallenge, long certificatesDuration) {
      this(email, storage, caServer, keyType, httpChallenge, tlsChallenge, certificatesDuration, List.of(), false);
    }
  }

  /** {@code core.defaultRuleSyntax}: {@code v3} (default) or {@code v2}. */
  public record Core(String defaultRuleSyntax) {
    public static final String DEFAULT_RULE_SYNTAX = "v3";

    public Core {
      Objects.requireNonNull(defaultRuleSyntax, "defaultRuleSyntax");
    }
  }
}
