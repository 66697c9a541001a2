package io.cairn.kv.server;

import io.cairn.common.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.GeneralSecurityException;
import java.security.cert.CRL;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.Set;

/**
 * etcd's {@code --client-crl-file} and {@code --peer-crl-file}: a certificate revocation list (PEM or
 * DER) whose revoked serial numbers a connecting client's (or peer's) certificates must not carry.
 *
 * <p>As etcd's {@code checkCRL}: only serial numbers are compared, of every certificate the
 * connecting side shows; the list's signature and issuer are not checked; the file is read again
 * when it changes (size or modification time), so a new list takes effect without a restart; a list
 * that cannot be read then refuses every certificate until it can. Where cairn is stricter: the file
 * must be readable and a CRL when the server starts (etcd starts anyway and refuses every
 * connection), and the refusal happens in the TLS handshake (etcd completes it and closes).
 *
 * <p>Thread-safe: handshakes on many threads call {@link #check}; a reload swaps an immutable state.
 */
final class RevocationList implements ChainCheck {
  private record State(long size, long modified, Set<BigInteger> revoked, String error) {}

  private final Path file;
  private final String flag;
  private volatile State state;

  /** @throws ConfigException naming {@code flag} when the file is not a readable CRL */
  RevocationList(String file, String flag) {
    this.file = Path.of(file);
    this.flag = flag;
    this.state = read();
    if (state.error() != null) {
      throw new ConfigException("flag " + flag + ": " + state.error());
    }
  }

  /** @throws CertificateException when a certificate of {@code chain} has a revoked serial number */
  @Override
  public void check(X509Certificate[] chain) throws CertificateException {
    State s = current();
    if (s.error() != null) {
      throw new CertificateException(flag + ": " + s.error());
    }
    for (X509Certificate cert : chain) {
      if (s.revoked().contains(cert.getSerialNumber())) {
        throw new CertificateException("certificate serial " + goHex(cert.getSerialNumber()) + " revoked");
      }
    }
  }

  /** A serial number as etcd's log prints it: Go's {@code %x} of its big-endian bytes ({@code 03}). */
  static String goHex(BigInteger serial) {
    byte[] b = serial.abs().toByteArray();
    int from = b.length > 1 && b[0] == 0 ? 1 : 0;
    return java.util.HexFormat.of().formatHex(b, from, b.length);
  }

  private State current() {
    State s = state;
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      if (a.size() == s.size() && a.lastModifiedTime().toMillis() == s.modified()) {
        return s;
      }
    } catch (IOException e) {
      // fall through: read() reports it
    }
    s = read();
    state = s;
    return s;
  }

  private State read() {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      if (!a.isRegularFile()) {
        return new State(-1, -1, Set.of(), "expected a CRL file, got '" + file + "'");
      }
      Set<BigInteger> revoked = new HashSet<>();
      try (InputStream in = Files.newInputStream(file)) {
        CertificateFactory f = CertificateFactory.getInstance("X.509");
        var crls = f.generateCRLs(in);
        if (crls.isEmpty()) {
          return new State(a.size(), a.lastModifiedTime().toMillis(), Set.of(), "no CRL in '" + file + "'");
        }
        for (CRL crl : crls) {
          Set<? extends X509CRLEntry> entries = ((X509CRL) crl).getRevokedCertificates();
          if (entries != null) {
            entries.forEach(e -> revoked.add(e.getSerialNumber()));
          }
        }
      }
      return new State(a.size(), a.lastModifiedTime().toMillis(), Set.copyOf(revoked), null);
    } catch (IOException | GeneralSecurityException | ClassCastException e) {
      return new State(-1, -1, Set.of(), "cannot read the CRL in '" + file + "': " + e.getMessage());
    }
  }
}
