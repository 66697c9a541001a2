package io.cairn.server.kv;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Certificates for the TLS scenarios, made once per test JVM by the real {@code openssl} in a
 * temporary directory: a CA ({@code ca.pem}); a server certificate for 127.0.0.1 and localhost
 * ({@code server.pem}, its key {@code server-key.pem} in PKCS#1 form, as {@code openssl genrsa
 * -traditional} and cfssl write it); client certificates signed by the CA with the CNs {@code root}
 * and {@code alice} (SEC1 EC keys, {@code NAME.pem} and {@code NAME-key.pem}; root's names {@link
 * #ROOT_HOSTNAME} as a subject alternative name); and {@code
 * stranger.pem}, a self-signed client certificate with CN {@code root} that no server trusts. Also
 * the key pairs of JWT auth tokens: {@code jwt-rs256-key.pem} (PKCS#1 RSA) and {@code
 * jwt-es256-key.pem} (SEC1 EC P-256), each with its {@code -pub.pem} public key, and {@code
 * jwt-hs256.key}, a 64-character hex secret with a trailing newline, as {@code openssl rand -hex}
 * writes it; and {@code crl.pem}, the CA's revocation list naming alice's certificate (serial 3).
 */
final class TlsFiles {
  /** The DNS name in root's client certificate (alice's names none). */
  static final String ROOT_HOSTNAME = "root.client.test";

  private static Path shared;

  private TlsFiles() {}

  /** The directory holding the files, made on first use. */
  static synchronized Path dir() {
    if (shared == null) {
      try {
        Path dir = Files.createTempDirectory("kv-it-tls-");
        make(dir);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> KvTarget.deleteRecursively(dir)));
        shared = dir;
      } catch (IOException e) {
        throw new AssertionError("cannot make the TLS test certificates with openssl", e);
      }
    }
    return shared;
  }

  /** etcdctl's global flags for a client that trusts the CA and shows the certificate with CN {@code root}. */
  static List<String> etcdctlFlags() {
    Path d = dir();
    return List.of(
        "--cacert=" + d.resolve("ca.pem"), "--cert=" + d.resolve("root.pem"), "--key=" + d.resolve("root-key.pem"));
  }

  /** The server flags etcd and cairn share: TLS with client certificates required. */
  static List<String> serverFlags() {
    Path d = dir();
    return List.of(
        "--cert-file", d.resolve("server.pem").toString(),
        "--key-file", d.resolve("server-key.pem").toString(),
        "--trusted-ca-file", d.resolve("ca.pem").toString(),
        "--client-cert-auth");
  }

  /** etcd's {@code --auth-token} value for JWTs signed with {@code method}, RS256, ES256 or HS256. */
  static String jwtOption(String method) {
    if (method.startsWith("HS")) {
      return "jwt,priv-key=" + hmacSecret(method) + ",sign-method=" + method;
    }
    String base = dir().resolve("jwt-" + method.toLowerCase(java.util.Locale.ROOT)).toString();
    return "jwt,pub-key=" + base + "-pub.pem,priv-key=" + base + "-key.pem,sign-method=" + method;
  }

  /** The secret file of an HMAC method (HS256). */
  static Path hmacSecret(String method) {
    return dir().resolve("jwt-" + method.toLowerCase(java.util.Locale.ROOT) + ".key");
  }

  private static void make(Path d) throws IOException {
    openssl(d, "rand", "-hex", "-out", "jwt-hs256.key", "32");
    openssl(d, "genrsa", "-traditional", "-out", "jwt-rs256-key.pem", "2048");
    openssl(d, "rsa", "-in", "jwt-rs256-key.pem", "-pubout", "-out", "jwt-rs256-pub.pem");
    openssl(d, "ecparam", "-genkey", "-name", "prime256v1", "-noout", "-out", "jwt-es256-key.pem");
    openssl(d, "ec", "-in", "jwt-es256-key.pem", "-pubout", "-out", "jwt-es256-pub.pem");
    openssl(d, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
        "-keyout", "ca-key.pem", "-out", "ca.pem", "-days", "2", "-subj", "/CN=cairn kv test CA");
    Files.writeString(d.resolve("server.ext"),
        "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth,clientAuth\n");
    Files.writeString(d.resolve("client.ext"), "extendedKeyUsage=clientAuth\n");
    Files.writeString(d.resolve("root.ext"), "extendedKeyUsage=clientAuth\nsubjectAltName=DNS:" + ROOT_HOSTNAME + "\n");
    openssl(d, "genrsa", "-traditional", "-out", "server-key.pem", "2048");
    sign(d, "server", "/CN=localhost", "server.ext", 1);
    int serial = 2;
    for (String user : List.of("root", "alice")) {
      openssl(d, "ecparam", "-genkey", "-name", "prime256v1", "-noout", "-out", user + "-key.pem");
      sign(d, user, "/O=cairn/CN=" + user, user.equals("root") ? "root.ext" : "client.ext", serial++);
    }
    openssl(d, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
        "-keyout", "stranger-key.pem", "-out", "stranger.pem", "-days", "2", "-subj", "/CN=root",
        "-addext", "extendedKeyUsage=clientAuth");
    // a revocation list naming alice's certificate, made by openssl's own CA database
    Files.writeString(d.resolve("index.txt"), "");
    Files.writeString(d.resolve("crlnumber"), "01\n");
    Files.writeString(d.resolve("ca.cnf"),
        "[ca]\ndefault_ca=d\n[d]\ndatabase=index.txt\ncrlnumber=crlnumber\ndefault_md=sha256\ndefault_crl_days=2\n");
    openssl(d, "ca", "-config", "ca.cnf", "-revoke", "alice.pem", "-keyfile", "ca-key.pem", "-cert", "ca.pem");
    openssl(d, "ca", "-config", "ca.cnf", "-gencrl", "-keyfile", "ca-key.pem", "-cert", "ca.pem", "-out", "crl.pem");
  }

  private static void sign(Path d, String name, String subject, String ext, int serial) throws IOException {
    openssl(d, "req", "-new", "-key", name + "-key.pem", "-out", name + ".csr", "-subj", subject);
    openssl(d, "x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca-key.pem",
        "-set_serial", Integer.toString(serial), "-days", "2", "-extfile", ext, "-out", name + ".pem");
  }

  private static void openssl(Path dir, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add("openssl");
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    try {
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("openssl did not finish within 60 s: " + command);
      }
      if (p.exitValue() != 0) {
        throw new AssertionError(command + " failed with status " + p.exitValue() + ":\n" + out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted running " + command, e);
    }
  }
}
