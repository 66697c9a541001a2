package io.cairn.gateway.server;

import static io.cairn.gateway.server.Checks.requireArgument;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Limits and settings of one entry point. The defaults, and whose default each one copies, are the
 * table in this package's {@code package-info.java}.
 *
 * @param maxRequestLineBytes longest request line (method, target, version) before 414
 * @param maxHeaderBytes longest request head (request line and all header lines, CRLFs included)
 *     before 431; also the HTTP/2 max header list size and the chunked trailer limit
 * @param maxBodyBytes largest request body before 413; 0 means unlimited
 * @param readHeaderTimeout time allowed from the connection's first byte (or from accept) to a
 *     complete request head before 408
 * @param idleTimeout how long a keep-alive connection may sit with no request in flight
 * @param maxConnections open connections per entry point; further connections are closed on accept
 * @param maxConcurrentStreams HTTP/2 SETTINGS_MAX_CONCURRENT_STREAMS
 * @param graceTimeout how long {@link EntryPoint#stop()} waits for in-flight requests
 * @param tls certificate and key for TLS, or null for cleartext (h2c)
 * @param ioThreads event-loop threads for connections; 0 picks one per core the JVM may use
 */
public record EntryPointOptions(
    int maxRequestLineBytes,
    int maxHeaderBytes,
    long maxBodyBytes,
    Duration readHeaderTimeout,
    Duration idleTimeout,
    int maxConnections,
    int maxConcurrentStreams,
    Duration graceTimeout,
    TlsFiles tls,
    int ioThreads) {

  /** A PEM certificate chain and its PEM (PKCS#8 or PKCS#1) private key. */
  public record TlsFiles(Path certificateChain, Path privateKey) {
    public TlsFiles {
      Objects.requireNonNull(certificateChain, "certificateChain");
      Objects.requireNonNull(privateKey, "privateKey");
    }
  }

  public EntryPointOptions {
    requireArgument(maxRequestLineBytes >= 64,
        "maxRequestLineBytes is %s; expected at least 64", maxRequestLineBytes);
    requireArgument(maxHeaderBytes >= maxRequestLineBytes,
        "maxHeaderBytes is %s; expected at least maxRequestLineBytes (%s)",
        maxHeaderBytes, maxRequestLineBytes);
    requireArgument(maxBodyBytes >= 0, "maxBodyBytes is %s; expected >= 0 (0 = unlimited)",
        maxBodyBytes);
    requirePositive("readHeaderTimeout", readHeaderTimeout);
    requirePositive("idleTimeout", idleTimeout);
    requirePositive("graceTimeout", graceTimeout);
    requireArgument(maxConnections > 0, "maxConnections is %s; expected > 0", maxConnections);
    requireArgument(maxConcurrentStreams > 0,
        "maxConcurrentStreams is %s; expected > 0", maxConcurrentStreams);
    requireArgument(ioThreads >= 0, "ioThreads is %s; expected >= 0 (0 = default)", ioThreads);
  }

  private static void requirePositive(String name, Duration d) {
    Objects.requireNonNull(d, name);
    requireArgument(!d.isNegative() && !d.isZero(), "%s is %s; expected > 0", name, d);
  }

  /** The documented defaults (see package-info), cleartext. */
  public static EntryPointOptions defaults() {
    return new EntryPointOptions(
        8 * 1024,
        1024 * 1024,
        0,
        Duration.ofSeconds(60),
        Duration.ofSeconds(180),
        65_536,
        250,
        Duration.ofSeconds(10),
        null,
        0);
  }

  public EntryPointOptions withMaxRequestLineBytes(int v) {
    return new EntryPointOptions(v, maxHeaderBytes, maxBodyBytes, readHeaderTimeout, idleTimeout,
        maxConnections, maxConcurrentStreams, graceTimeout, tls, ioThreads);
  }

  public EntryPointOptions withMaxHeaderBytes(int v) {
    return new EntryPointOptions(maxRequestLineBytes, v, maxBodyBytes, readHeaderTimeout,
        idleTimeout, maxConnections, maxConcurrentStreams, graceTimeout, tls, ioThreads);
  }

  public EntryPointOptions withMaxBodyBytes(long v) {
    return new EntryPointOptions(maxRequestLineBytes, maxHeaderBytes, v, readHeaderTimeout,
        idleTimeout, maxConnections, maxConcurrentStreams, graceTimeout, tls, ioThreads);
  }

  public EntryPointOptions withReadHeaderTimeout(Duration v) {
    return new EntryPointOptions(maxRequestLineBytes, maxHeaderBytes, maxBodyBytes, v, idleTimeout,
        maxConnections, maxConcurrentStreams, graceTimeout, tls, ioThreads);
  }

  public EntryPointOptions withIdleTimeout(Duration v) {
    return new EntryPointOptions(maxRequestLineBytes, maxHeaderBytes, maxBodyBytes,
        readHeaderTimeout, v, maxConnections, maxConcurrentStreams, graceTimeout, tls, ioThreads);
  }

  public EntryPointOptions withMaxConnections(int v) {
    return new EntryPointOptions(maxRequestLineBytes, maxHeaderBytes, maxBodyBytes,
        readHeaderTimeout, idleTimeout, v, maxConcurrentStreams, graceTimeout, tls, ioThreads);
  }

  public EntryPointOptions withMaxConcurrentStreams(int v) {
    return new EntryPointOptions(maxRequestLineBytes, maxHeaderBytes, maxBodyBytes,
        readHeaderTimeout, idleTimeout, maxConnections, v, graceTimeout, tls, ioThreads);
  }

  public EntryPointOptions withGraceTimeout(Duration v) {
    return new EntryPointOptions(maxRequestLineBytes, maxHeaderBytes, maxBodyBytes,
        readHeaderTimeout, idleTimeout, maxConnections, maxConcurrentStreams, v, tls, ioThreads);
  }

  public EntryPointOptions withTls(TlsFiles v) {
    return new EntryPointOptions(maxRequestLineBytes, maxHeaderBytes, maxBodyBytes,
        readHeaderTimeout, idleTimeout, maxConnections, maxConcurrentStreams, graceTimeout, v,
        ioThreads);
  }

  public EntryPointOptions withIoThreads(int v) {
    return new EntryPointOptions(maxRequestLineBytes, maxHeaderBytes, maxBodyBytes,
        readHeaderTimeout, idleTimeout, maxConnections, maxConcurrentStreams, graceTimeout, tls, v);
  }
}
