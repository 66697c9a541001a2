package io.cairn.gateway.tls;

import io.cairn.gateway.config.TlsConfig;
import io.cairn.gateway.server.ConnectionTls;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.net.ssl.SSLHandshakeException;

/**
 * The gateway's TLS: which certificate each handshake gets. For the server name (SNI) the order is
 * <ol>
 *   <li>the dynamic {@code tls.certificates} (exact name, then a {@code *.} wildcard one label deep);
 *   <li>the {@link #addSource added sources} in order (ACME resolvers);
 *   <li>with {@code sniStrict} in the {@code default} options: nothing, the handshake is refused;
 *   <li>the {@code default} store's {@code defaultCertificate};
 *   <li>a leaf for the name from the {@link InternalCa} (Caddy's {@code tls internal}); with no SNI,
 *       a leaf for the IP address the client connected to (curl sends no SNI for IP literals).
 * </ol>
 * A server name that is not a plausible host name (letters, digits, {@code -}, {@code _}, dots; at
 * most 253 characters) gets no internal certificate and the handshake is refused.
 *
 * <p>Certificates found in memory and whose context is cached answer on the event loop; anything
 * else (signing a leaf, building a context) runs on one background thread and the handshake resumes
 * when it is done. {@link #update} swaps the certificates and options atomically (call it with each
 * new dynamic configuration); handshakes in progress keep what they found. Thread-safe.
 *
 * <p>ACME TLS-ALPN-01: a ClientHello offering only {@code acme-tls/1} is answered from {@link
 * #challenges} alone (RFC 8737), with {@code acme-tls/1} as the only ALPN protocol.
 */
public final class GatewayTls implements ConnectionTls, AutoCloseable {
  private static final int MAX_NAME = 253;
  /** The ALPN protocol of ACME TLS-ALPN-01 validation (RFC 8737). */
  public static final String ACME_TLS = "acme-tls/1";

  /** Certificates, the default options, and the options of server names whose routers chose others. */
  private record State(FileCertificates files, TlsSettings settings, Map<String, TlsSettings> byHost) {}

  private final AtomicReference<State> state =
      new AtomicReference<>(new State(FileCertificates.empty(), TlsSettings.defaults(), Map.of()));
  private final List<CertificateSource> sources = new CopyOnWriteArrayList<>();
  private final InternalCa ca;
  private final Contexts contexts = new Contexts();
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("gateway-tls").factory());
  private final OcspStapler stapler;
  private volatile CertificateSource challenges;

  /** TLS with the internal CA in {@code ca}'s directory; OCSP stapling for file certificates. */
  public GatewayTls(InternalCa ca) {
    this.ca = ca;
    this.stapler = new OcspStapler();
  }

  /** Certificates and options loaded from a {@code tls} section, not yet serving. */
  public static final class Prepared {
    private final State state;
    private final List<String> warnings;

    private Prepared(State state, List<String> warnings) {
      this.state = state;
      this.warnings = List.copyOf(warnings);
    }

    /** Certificates left out and options not applied, and why. */
    public List<String> warnings() {
      return warnings;
    }
  }

  /**
   * Loads the {@code tls} section of a new dynamic configuration (reads files; call off the event
   * loop). Certificates that cannot be loaded are left out; the warnings say which and why.
   *
   * @throws IOException when the {@code default} options cannot be applied (a CA file missing)
   */
  public Prepared prepare(TlsConfig tls) throws IOException {
    return prepare(tls, Map.of());
  }

  /**
   * As {@link #prepare(TlsConfig)}, with the handshakes for each server name of {@code
   * optionsByHost} (lower-case) using the named {@code tls.options} instead of {@code default}
   * (routers' {@code tls.options}, as Traefik picks them by the SNI). An unknown name, or options
   * that cannot be applied, leave that name on the default options, with a warning.
   */
  public Prepared prepare(TlsConfig tls, Map<String, String> optionsByHost) throws IOException {
    TlsSettings settings = TlsSettings.defaultOf(tls);
    FileCertificates files = FileCertificates.load(tls);
    List<String> warnings = new ArrayList<>(files.warnings());
    Map<String, TlsSettings> byName = new HashMap<>();
    Map<String, TlsSettings> byHost = new HashMap<>();
    for (var e : optionsByHost.entrySet()) {
      String name = e.getValue();
      if (!byName.containsKey(name)) {
        TlsConfig.Options o = tls.options().get(name);
        TlsSettings t = null;
        if (o == null) {
          warnings.add("tls.options." + name + " is not defined; the default options are used for " + e.getKey());
        } else {
          try {
            t = TlsSettings.of(o);
          } catch (IOException ex) {
            warnings.add("tls.options." + name + ": " + ex.getMessage() + "; the default options are used instead");
          }
        }
        byName.put(name, t);
      }
      if (byName.get(name) != null) {
        byHost.put(Names.normalize(e.getKey()), byName.get(name));
      }
    }
    return new Prepared(new State(files, settings, Map.copyOf(byHost)), warnings);
  }

  /** Swaps in prepared certificates and options; handshakes from now on use them. */
  public void install(Prepared prepared) {
    state.set(prepared.state);
    if (contexts.ocsp()) {
      stapler.watch(prepared.state.files().keys());
    }
  }

  /** {@link #prepare} then {@link #install}; returns the warnings. */
  public List<String> update(TlsConfig tls) throws IOException {
    Prepared p = prepare(tls);
    install(p);
    return p.warnings();
  }

  /** Adds a certificate source consulted after the file certificates (an ACME resolver). */
  public void addSource(CertificateSource source) {
    sources.add(java.util.Objects.requireNonNull(source, "source"));
  }

  /**
   * The ACME TLS-ALPN-01 source: a handshake whose ClientHello offers only {@code acme-tls/1} gets
   * this source's certificate for the server name (and ALPN {@code acme-tls/1}), or is refused;
   * other handshakes never see it. Null removes it.
   */
  public void challenges(CertificateSource source) {
    this.challenges = source;
  }

  /** The internal CA. */
  public InternalCa internalCa() {
    return ca;
  }

  /**
   * Every certificate the gateway can present now: file certificates, the default certificate and
   * the internal CA's cached leaves (the added sources report their own). For the metrics'
   * {@code traefik_tls_certs_not_after}.
   */
  public List<CertInfo> certificates() {
    List<CertInfo> out = new ArrayList<>(state.get().files().infos());
    out.addAll(ca.infos());
    return out;
  }

  @Override
  public ChannelHandler newHandler(Channel ch) {
    return new SniSelector(this);
  }

  Future<SslContext> lookup(ChannelHandlerContext ctx, String hostname, List<String> alpn,
      Consumer<CertifiedKey> chosen) {
    State current = state.get();
    String name = Names.normalize(hostname);
    Promise<SslContext> promise = ctx.executor().newPromise();
    boolean challenge = alpn.equals(List.of(ACME_TLS));
    CertificateSource challenges = this.challenges;
    if (challenge && challenges == null) {
      return promise.setFailure(new SSLHandshakeException("acme-tls/1 offered but no ACME challenge is pending"));
    }
    Optional<CertifiedKey> key = challenge ? challenges.certificateFor(name) : find(current, name);
    if (challenge && key.isEmpty()) {
      return promise.setFailure(new SSLHandshakeException("no acme-tls/1 challenge for \"" + name + "\""));
    }
    TlsSettings settings = challenge ? current.settings().withAlpn(List.of(ACME_TLS))
        : current.byHost().getOrDefault(name, current.settings());
    if (key.isEmpty() && settings.sniStrict()) {
      return promise.setFailure(new SSLHandshakeException(
          "strict SNI enabled - no certificate found for domain: \"" + name + "\""));
    }
    if (key.isEmpty()) {
      key = current.files().defaultCertificate();
    }
    String internalName = name.isEmpty() ? localIp(ctx.channel()) : name;
    if (key.isEmpty()) {
      if (internalName.length() > MAX_NAME || !internalName.matches("[a-z0-9_.:-]+")) {
        return promise.setFailure(new SSLHandshakeException("no certificate for server name \"" + name + "\""));
      }
      key = ca.certificateFor(internalName);
    }
    if (key.isPresent()) {
      SslContext cached = contexts.cached(key.get(), settings);
      if (cached != null) {
        chosen.accept(key.get());
        return promise.setSuccess(cached);
      }
    }
    Optional<CertifiedKey> found = key;
    worker.execute(() -> {
      try {
        CertifiedKey k = found.orElseGet(() -> ca.issue(internalName));
        SslContext c = contexts.get(k, settings);
        chosen.accept(k);
        promise.trySuccess(c);
      } catch (Exception | Error e) {
        promise.tryFailure(e);
      }
    });
    return promise;
  }

  /**
   * The same certificates as a synchronous source, for QUIC (HTTP/3), whose SNI callback cannot
   * wait: file certificates, added sources, the default certificate, then the internal CA, which
   * issues on the calling thread when it has no leaf yet (a few milliseconds, once per name). An
   * empty name (no SNI) gets the internal CA's {@code localhost} leaf. Strict SNI is honoured.
   */
  public CertificateSource source() {
    return serverName -> {
      State s = state.get();
      String name = Names.normalize(serverName);
      Optional<CertifiedKey> k = find(s, name);
      if (k.isEmpty() && s.settings().sniStrict()) {
        return Optional.empty();
      }
      if (k.isEmpty()) {
        k = s.files().defaultCertificate();
      }
      String internalName = name.isEmpty() ? "localhost" : name;
      if (k.isEmpty() && internalName.length() <= MAX_NAME && internalName.matches("[a-z0-9_.:-]+")) {
        k = Optional.of(ca.issue(internalName));
      }
      return k;
    };
  }

  private Optional<CertifiedKey> find(State s, String name) {
    Optional<CertifiedKey> k = s.files().certificateFor(name);
    for (int i = 0; k.isEmpty() && i < sources.size(); i++) {
      k = sources.get(i).certificateFor(name);
    }
    return k;
  }

  Optional<byte[]> ocspResponse(CertifiedKey key) {
    return stapler.responseFor(key);
  }

  private static String localIp(Channel ch) {
    if (ch.localAddress() instanceof InetSocketAddress a && a.getAddress() != null) {
      String ip = a.getAddress().getHostAddress();
      int scope = ip.indexOf('%');
      return scope < 0 ? ip : ip.substring(0, scope);
    }
    return "localhost";
  }

  @Override
  public void close() {
    worker.shutdownNow();
    stapler.close();
  }
}
