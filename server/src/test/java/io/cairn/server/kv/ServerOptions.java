package io.cairn.server.kv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The optional etcd flags a scenario needs its server started with; both etcd and {@code cairn kv}
 * take them under the same names. {@code null} leaves a flag at the server's default.
 */
record ServerOptions(
    Long quotaBackendBytes,
    Long maxRequestBytes,
    Integer maxTxnOps,
    String autoCompactionRetention,
    boolean tls,
    String jwtMethod,
    boolean autoTls,
    List<String> extraFlags) {

  static final ServerOptions DEFAULTS = new ServerOptions(null, null, null, null, false, null, false, List.of());

  ServerOptions {
    extraFlags = List.copyOf(extraFlags);
  }

  /** Also passes {@code flags} as they are (flags etcd and cairn share that no other option names). */
  ServerOptions withFlags(String... flags) {
    List<String> all = new ArrayList<>(extraFlags);
    all.addAll(List.of(flags));
    return new ServerOptions(quotaBackendBytes, maxRequestBytes, maxTxnOps, autoCompactionRetention, tls, jwtMethod,
        autoTls, all);
  }

  ServerOptions withQuotaBackendBytes(long bytes) {
    return new ServerOptions(bytes, maxRequestBytes, maxTxnOps, autoCompactionRetention, tls, jwtMethod, autoTls, extraFlags);
  }

  ServerOptions withMaxRequestBytes(long bytes) {
    return new ServerOptions(quotaBackendBytes, bytes, maxTxnOps, autoCompactionRetention, tls, jwtMethod, autoTls, extraFlags);
  }

  ServerOptions withMaxTxnOps(int ops) {
    return new ServerOptions(quotaBackendBytes, maxRequestBytes, ops, autoCompactionRetention, tls, jwtMethod, autoTls, extraFlags);
  }

  ServerOptions withAutoCompactionRetention(String retention) {
    return new ServerOptions(quotaBackendBytes, maxRequestBytes, maxTxnOps, retention, tls, jwtMethod, autoTls, extraFlags);
  }

  /**
   * Serves the client URL as https:// with {@link TlsFiles}' server certificate and requires client
   * certificates ({@code --client-cert-auth}); etcdctl then shows the certificate with CN root.
   */
  ServerOptions withTls() {
    return new ServerOptions(quotaBackendBytes, maxRequestBytes, maxTxnOps, autoCompactionRetention, true, jwtMethod, autoTls, extraFlags);
  }

  /** etcd's JWT auth tokens ({@code --auth-token jwt,...}) signed with {@code method} ({@code RS256} or {@code ES256}) and {@link TlsFiles}' keys. */
  ServerOptions withJwt(String method) {
    return new ServerOptions(quotaBackendBytes, maxRequestBytes, maxTxnOps, autoCompactionRetention, tls, method, autoTls, extraFlags);
  }

  /** etcd's {@code --auto-tls}: https:// with a certificate the server generates; clients skip verification. */
  ServerOptions withAutoTls() {
    return new ServerOptions(quotaBackendBytes, maxRequestBytes, maxTxnOps, autoCompactionRetention, tls, jwtMethod, true, extraFlags);
  }

  /** Whether the client URL is https://. */
  boolean https() {
    return tls || autoTls;
  }

  List<String> flags() {
    List<String> flags = new ArrayList<>();
    if (quotaBackendBytes != null) {
      flags.addAll(List.of("--quota-backend-bytes", quotaBackendBytes.toString()));
    }
    if (maxRequestBytes != null) {
      flags.addAll(List.of("--max-request-bytes", maxRequestBytes.toString()));
    }
    if (maxTxnOps != null) {
      flags.addAll(List.of("--max-txn-ops", maxTxnOps.toString()));
    }
    if (autoCompactionRetention != null) {
      flags.addAll(List.of("--auto-compaction-retention", autoCompactionRetention));
    }
    if (tls) {
      flags.addAll(TlsFiles.serverFlags());
    }
    if (jwtMethod != null) {
      flags.addAll(List.of("--auth-token", TlsFiles.jwtOption(jwtMethod)));
    }
    if (autoTls) {
      flags.add("--auto-tls");
    }
    flags.addAll(extraFlags);
    return List.copyOf(flags);
  }

  @Override
  public String toString() {
    if (tls || jwtMethod != null) {
      String plain =
          new ServerOptions(quotaBackendBytes, maxRequestBytes, maxTxnOps, autoCompactionRetention, false, null, autoTls,
              extraFlags.stream().map(f -> f.contains("/") ? Path.of(f).getFileName().toString() : f).toList())
              .toString();
      return (tls ? "TLS " : "") + (jwtMethod != null ? "JWT " + jwtMethod + " " : "") + plain;
    }
    return flags().isEmpty() ? "default flags" : String.join(" ", flags());
  }
}
