package io.cairn.gateway.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Caddy's {@code tls internal}: a local root CA (ECDSA P-256, 10 years) kept on disk as {@code
 * root.crt} and {@code root.key} (mode 600) in its directory, created on first use, and leaf
 * certificates (ECDSA P-256, 7 days, signed directly by the root) issued on demand for any name,
 * cached in memory (at most {@link #MAX_CACHED} names, least recently used evicted) and reissued once
 * two thirds of their life has passed. A name that is an IP literal gets an IP SAN.
 *
 * <p>Thread-safe. {@link #certificateFor} answers only from the cache (never blocks); {@link
 * #issue} signs (about a millisecond) and may touch the disk on first use: call it off the event
 * loop.
 */
public final class InternalCa implements CertificateSource {
  /** Names whose leaves are kept in memory. */
  public static final int MAX_CACHED = 1024;
  /** Life of an issued leaf (Caddy's default). */
  public static final Duration LEAF_LIFETIME = Duration.ofDays(7);
  /** Life of the root. */
  public static final Duration ROOT_LIFETIME = Duration.ofDays(3650);

  private final Path dir;
  private final Clock clock;
  private final Map<String, CertifiedKey> leaves = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, CertifiedKey> eldest) {
      return size() > MAX_CACHED;
    }
  };
  private volatile CertifiedKey root;

  public InternalCa(Path dir) {
    this(dir, Clock.systemUTC());
  }

  InternalCa(Path dir, Clock clock) {
    this.dir = dir.toAbsolutePath();
    this.clock = clock;
  }

  /**
   * The default directory: {@code $CAIRN_DATA/gateway/pki} when {@code CAIRN_DATA} is set, else
   * {@code ./data/gateway/pki}.
   */
  public static Path defaultDirectory() {
    String data = System.getenv("CAIRN_DATA");
    return Path.of(data == null || data.isBlank() ? "data" : data, "gateway", "pki");
  }

  /** Where the root certificate is (or will be) stored. */
  public Path rootCertificatePath() {
    return dir.resolve("root.crt");
  }

  /** The root, loaded from disk or created there on first call. */
  public synchronized CertifiedKey root() {
    CertifiedKey r = root;
    if (r == null) {
      try {
        r = loadOrCreateRoot();
      } catch (IOException e) {
        throw new UncheckedIOException("internal CA in " + dir + ": " + e.getMessage(), e);
      }
      root = r;
    }
    return r;
  }

  /** The root certificate as PEM. */
  public String rootPem() {
    return Pem.encode(root().leaf());
  }

  @Override
  public Optional<CertifiedKey> certificateFor(String serverName) {
    synchronized (leaves) {
      CertifiedKey k = leaves.get(serverName);
      return k != null && fresh(k) ? Optional.of(k) : Optional.empty();
    }
  }

  /** A fresh leaf for {@code name} (a host name or IP literal), from the cache or newly signed. */
  public CertifiedKey issue(String name) {
    Optional<CertifiedKey> cached = certificateFor(name);
    if (cached.isPresent()) {
      return cached.get();
    }
    CertifiedKey ca = root();
    try {
      KeyPair kp = Issuer.newKeyPair();
      X509Certificate leaf = Issuer.leaf(name, kp.getPublic(), ca, clock.instant(), LEAF_LIFETIME);
      CertifiedKey k = new CertifiedKey(kp.getPrivate(), List.of(leaf));
      synchronized (leaves) {
        leaves.put(name, k);
      }
      return k;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("internal CA cannot issue a certificate for " + name + ": " + e, e);
    }
  }

  /** The leaves in the cache. */
  public List<CertInfo> infos() {
    synchronized (leaves) {
      return leaves.values().stream().map(k -> CertInfo.of(k, "internal")).toList();
    }
  }

  private boolean fresh(CertifiedKey k) {
    Instant from = k.leaf().getNotBefore().toInstant();
    Instant renewAt = from.plus(Duration.between(from, k.notAfter()).multipliedBy(2).dividedBy(3));
    return clock.instant().isBefore(renewAt);
  }

  private CertifiedKey loadOrCreateRoot() throws IOException {
    Path crt = rootCertificatePath();
    Path key = dir.resolve("root.key");
    if (Files.exists(crt) && Files.exists(key)) {
      CertifiedKey k = Pem.certifiedKey(crt.toString(), key.toString());
      if (k.notAfter().isAfter(clock.instant())) {
        return k;
      }
      throw new IOException("root certificate " + crt + " expired at " + k.notAfter()
          + "; remove root.crt and root.key to create a new one (and trust it again)");
    }
    Files.createDirectories(dir);
    try {
      KeyPair kp = Issuer.newKeyPair();
      X509Certificate cert = Issuer.root(kp, clock.instant(), ROOT_LIFETIME);
      writePrivate(key, Pem.encode(kp.getPrivate()));
      write(crt, Pem.encode(cert));
      return new CertifiedKey(kp.getPrivate(), List.of(cert));
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot create the root: " + e, e);
    }
  }

  private static void write(Path file, String text) throws IOException {
    Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
    Files.writeString(tmp, text, StandardCharsets.US_ASCII);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void writePrivate(Path file, String text) throws IOException {
    Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
    try {
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the directory's permissions protect it
    }
    Files.writeString(tmp, text, StandardCharsets.US_ASCII);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The root's private key (for tests that sign with it). */
  PrivateKey rootKey() {
    return root().key();
  }
}
