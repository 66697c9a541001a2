package io.cairn.gateway.acme;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.gateway.tls.CertifiedKey;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@link AcmeStorage} in Traefik's {@code acme.json}: one JSON file per {@code storage} path, one
 * top-level object per resolver name holding {@code Account} and {@code Certificates}, field names
 * as Traefik writes them. Certificates and keys are base64 of PEM, as in Traefik (keys written as
 * PKCS#8; PKCS#1 and SEC1 keys written by Traefik are read too); the account's {@code PrivateKey}
 * is base64 of a PEM with the PKCS#8 private key and the public key (Traefik: base64 of DER), so an
 * account moved from Traefik cannot be read while its certificates are reused.
 *
 * <p>Writes replace the whole file: a temporary file in the same directory is written with
 * permissions 0600, forced to disk, renamed over the old one, and the directory is forced, so a
 * crash leaves the old or the new file. Like Traefik, a file readable by group or others is refused
 * ("permissions 644 for acme.json are too open, please use 600"). Resolvers sharing one path in
 * this process share a lock; separate processes must not share a file.
 */
public final class JsonFileStorage implements AcmeStorage {
  private static final ConcurrentHashMap<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final String resolver;
  private final ReentrantLock lock;

  /**
   * @param file the {@code storage} path (created on the first save, with its parent directories)
   * @param resolver the resolver's name: its section in the file
   */
  public JsonFileStorage(Path file, String resolver) {
    this.file = Objects.requireNonNull(file, "file").toAbsolutePath().normalize();
    this.resolver = Objects.requireNonNull(resolver, "resolver");
    if (resolver.isEmpty()) {
      throw new IllegalArgumentException("resolver name is empty; expected the certificatesResolvers key");
    }
    this.lock = LOCKS.computeIfAbsent(this.file, p -> new ReentrantLock());
    BouncyCastle.register(); // acme4j's PEM key pair reader asks for it
  }

  @Override
  public Optional<Account> account() throws IOException {
    return AcmeSections.account(section(read()));
  }

  @Override
  public void saveAccount(Account account) throws IOException {
    update(section -> AcmeSections.putAccount(section, account));
  }

  @Override
  public List<Certificate> certificates() throws IOException {
    return AcmeSections.certificates(section(read()));
  }

  @Override
  public void saveCertificate(Certificate certificate) throws IOException {
    update(section -> AcmeSections.putCertificate(section, certificate));
  }

  /** The storage file. */
  public Path file() {
    return file;
  }

  private interface Edit {
    void apply(ObjectNode section) throws IOException;
  }

  private void update(Edit edit) throws IOException {
    lock.lock();
    try {
      ObjectNode root = read();
      JsonNode section = root.get(resolver);
      ObjectNode s = section instanceof ObjectNode o ? o : root.putObject(resolver);
      edit.apply(s);
      PrivateFiles.replace(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    } finally {
      lock.unlock();
    }
  }

  private JsonNode section(ObjectNode root) {
    return root.path(resolver);
  }

  private ObjectNode read() throws IOException {
    lock.lock();
    try {
      if (!Files.exists(file)) {
        return JSON.createObjectNode();
      }
      PrivateFiles.checkOwnerOnly(file);
      byte[] bytes = Files.readAllBytes(file);
      if (bytes.length == 0) {
        return JSON.createObjectNode();
      }
      JsonNode root = JSON.readTree(bytes);
      if (!(root instanceof ObjectNode o)) {
        throw new IOException(file + " is not an ACME storage file; expected a JSON object");
      }
      return o;
    } finally {
      lock.unlock();
    }
  }
}
