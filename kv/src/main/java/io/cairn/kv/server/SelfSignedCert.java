package io.cairn.kv.server;

import io.cairn.common.config.ConfigException;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * etcd's {@code --auto-tls} and {@code --peer-auto-tls} certificates ({@code transport.SelfCert}):
 * a self-signed certificate and its key in {@code <data-dir>/kv/fixtures/client} or {@code
 * .../fixtures/peer}, as {@code cert.pem} and {@code key.pem}.
 *
 * <p>As etcd: files already there are used as they are (a restarted member keeps its certificate);
 * otherwise a new pair is made for the hosts of the listen URLs (IP addresses as IP SANs, names as
 * DNS SANs), organisation {@code etcd}, valid from now for {@code --self-signed-cert-validity} years
 * of 365 days, key usages digital signature and key encipherment, extended usages server and client
 * authentication, and the key is written with mode 0600. Unlike etcd 3.4 (a P-521 key written as
 * {@code EC PRIVATE KEY}), the key is on P-256, which every TLS stack here (JDK, BoringSSL, Go)
 * accepts, and written as PKCS#8 ({@code PRIVATE KEY}). Nobody can verify such a certificate, so
 * clients connect without verification ({@code etcdctl --insecure-transport=false
 * --insecure-skip-tls-verify}, {@code curl -k}) and members do not verify each other.
 */
final class SelfSignedCert {
  private static final Logger log = LoggerFactory.getLogger(SelfSignedCert.class);
  static final String CERT = "cert.pem";
  static final String KEY = "key.pem";

  /** Which auto-TLS flag asks: etcd's {@code ClientSelfCert} or {@code PeerSelfCert}. */
  enum Side {
    CLIENT("client", "--auto-tls"),
    PEER("peer", "--peer-auto-tls");

    final String name;
    final String flag;

    Side(String name, String flag) {
      this.name = name;
      this.flag = flag;
    }
  }

  /** Where the pair is: {@code cert.pem} and {@code key.pem} under {@code dir}. */
  record Pair(Path certFile, Path keyFile) {}

  private SelfSignedCert() {}

  /**
   * etcd's auto-TLS choice: null when certificate files were given, which win (with etcd's
   * warning), else {@link #ensure}'s pair in {@code fixtures}.
   */
  static Pair forAutoTls(Side side, boolean filesGiven, Path fixtures, List<String> hosts, long validityYears) {
    if (filesGiven) {
      log.warn("ignoring {} auto TLS since certs given", side.name);
      return null;
    }
    return ensure(fixtures, hosts, validityYears, "flag " + side.flag);
  }

  /**
   * The pair in {@code dir}, made now if either file is missing.
   *
   * @param hosts host names or IP literals the certificate names
   * @throws ConfigException naming {@code flag} if the directory or files cannot be written
   */
  static Pair ensure(Path dir, List<String> hosts, long validityYears, String flag) {
    if (validityYears < 1) {
      throw new ConfigException("flag --self-signed-cert-validity: expected at least 1 year, got " + validityYears);
    }
    Pair pair = new Pair(dir.resolve(CERT), dir.resolve(KEY));
    if (Files.isRegularFile(pair.certFile()) && Files.isRegularFile(pair.keyFile())) {
      return pair;
    }
    try {
      createPrivateDirectories(dir);
      KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
      gen.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
      KeyPair keys = gen.generateKeyPair();
      X509CertificateHolder cert = certificate(keys, hosts, validityYears);
      writeAtomically(pair.keyFile(), pem(new JcaPKCS8Generator(keys.getPrivate(), null)), true);
      writeAtomically(pair.certFile(), pem(cert), false);
      return pair;
    } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
      throw new ConfigException(flag + ": cannot create a self-signed certificate in '" + dir + "': " + e.getMessage());
    }
  }

  private static X509CertificateHolder certificate(KeyPair keys, List<String> hosts, long validityYears)
      throws IOException, OperatorCreationException {
    Instant now = Instant.now();
    X500Name subject = new X500Name("O=etcd");
    var builder =
        new JcaX509v3CertificateBuilder(
            subject,
            new BigInteger(128, new SecureRandom()),
            Date.from(now),
            Date.from(now.plus(Duration.ofDays(365 * validityYears))),
            subject,
            keys.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
    builder.addExtension(
        Extension.extendedKeyUsage, false,
        new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
    List<GeneralName> names = new ArrayList<>();
    for (String host : distinct(hosts)) {
      try {
        names.add(isIpLiteral(host) ? new GeneralName(GeneralName.iPAddress, host) : new GeneralName(GeneralName.dNSName, host));
      } catch (IllegalArgumentException e) {
        throw new IOException("cannot name host '" + host + "' in a certificate: " + e.getMessage());
      }
    }
    if (!names.isEmpty()) {
      builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(GeneralName[]::new)));
    }
    return builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
  }

  private static Set<String> distinct(List<String> hosts) {
    Set<String> out = new LinkedHashSet<>();
    for (String h : hosts) {
      String bare = h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
      int zone = bare.indexOf('%'); // an IPv6 zone (fe80::1%eth0) is no part of the address a SAN holds
      if (zone >= 0 && bare.contains(":")) {
        bare = bare.substring(0, zone);
      }
      if (!bare.isEmpty()) {
        out.add(bare);
      }
    }
    return out;
  }

  /** An IPv4 or IPv6 literal, decided without a name lookup. */
  static boolean isIpLiteral(String host) {
    if (host.contains(":")) {
      return true;
    }
    if (!host.matches("[0-9.]+")) {
      return false;
    }
    try {
      return InetAddress.getByName(host).getHostAddress() != null; // a literal: no lookup happens
    } catch (IOException e) {
      return false;
    }
  }

  private static String pem(Object o) throws IOException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(out)) {
      w.writeObject(o);
    }
    return out.toString();
  }

  /** As etcd's {@code TouchDirAll}: missing directories are made with mode 0700. */
  private static void createPrivateDirectories(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    try {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (UnsupportedOperationException notPosix) {
      Files.createDirectories(dir);
    }
  }

  /** Writes {@code content} to a new file, mode 0600 from its creation when {@code secret}, then renames it. */
  private static void writeAtomically(Path file, String content, boolean secret) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    if (secret) {
      try {
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException notPosix) {
        // no POSIX modes: the data directory's own protection applies; writeString creates the file
      }
    }
    Files.writeString(tmp, content, StandardCharsets.US_ASCII);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
