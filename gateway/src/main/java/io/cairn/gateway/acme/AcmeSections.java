package io.cairn.gateway.acme;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.gateway.tls.CertifiedKey;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One resolver's section of Traefik's {@code acme.json} ({@code Account} and {@code
 * Certificates}, field names as Traefik writes them), read from and written into a JSON object.
 * Shared by the file storage and the kv storage, so both hold the same document. Pure functions.
 */
public final class AcmeSections {
  private AcmeSections() {}

  /** The section's account, or empty when none is stored. */
  public static Optional<AcmeStorage.Account> account(JsonNode section) throws IOException {
    JsonNode a = section.path("Account");
    if (!a.isObject() || !a.hasNonNull("PrivateKey")) {
      return Optional.empty();
    }
    var keyPair = Pem.parseKeyPair(decode(a.get("PrivateKey").asText()));
    String uri = a.path("Registration").path("uri").asText("");
    Optional<URL> location = uri.isEmpty() ? Optional.empty() : Optional.of(URI.create(uri).toURL());
    return Optional.of(new AcmeStorage.Account(a.path("Email").asText(""), keyPair, location));
  }

  /** Replaces the section's account. */
  public static void putAccount(ObjectNode section, AcmeStorage.Account account) throws IOException {
    ObjectNode a = section.putObject("Account");
    a.put("Email", account.email());
    ObjectNode registration = a.putObject("Registration");
    ObjectNode body = registration.putObject("body");
    body.put("status", "valid");
    if (!account.email().isEmpty()) {
      body.putArray("contact").add("mailto:" + account.email());
    }
    registration.put("uri", account.location().map(URL::toString).orElse(""));
    a.put("PrivateKey", encode(Pem.keyPair(account.keyPair())));
    a.put("KeyType", "EC256");
  }

  /** The section's certificates; empty when none. */
  public static List<AcmeStorage.Certificate> certificates(JsonNode section) throws IOException {
    var out = new ArrayList<AcmeStorage.Certificate>();
    for (JsonNode c : section.path("Certificates")) {
      var chain = Pem.parseCertificates(decode(c.path("certificate").asText()));
      var key = Pem.parsePrivateKey(decode(c.path("key").asText()));
      out.add(new AcmeStorage.Certificate(domains(c), new CertifiedKey(key, chain)));
    }
    return out;
  }

  /** Puts {@code certificate} in the section, replacing the one for the same domain set. */
  public static void putCertificate(ObjectNode section, AcmeStorage.Certificate certificate) throws IOException {
    String chain = encode(Pem.certificates(certificate.certifiedKey().chain()));
    String key = encode(Pem.privateKey(certificate.certifiedKey().key()));
    Set<String> wanted = new HashSet<>(certificate.domains());
    JsonNode old = section.path("Certificates");
    ArrayNode list = section.putArray("Certificates");
    for (JsonNode c : old) {
      if (!new HashSet<>(domains(c)).equals(wanted)) {
        list.add(c);
      }
    }
    ObjectNode c = list.addObject();
    ObjectNode domain = c.putObject("domain");
    domain.put("main", certificate.domains().getFirst());
    if (certificate.domains().size() > 1) {
      ArrayNode sans = domain.putArray("sans");
      certificate.domains().subList(1, certificate.domains().size()).forEach(sans::add);
    }
    c.put("certificate", chain);
    c.put("key", key);
    c.put("Store", "default");
  }

  private static List<String> domains(JsonNode c) {
    var domains = new ArrayList<String>();
    domains.add(c.path("domain").path("main").asText());
    c.path("domain").path("sans").forEach(s -> domains.add(s.asText()));
    return domains;
  }

  private static String encode(String pem) {
    return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
  }

  private static String decode(String base64) throws IOException {
    try {
      return new String(Base64.getDecoder().decode(base64), StandardCharsets.US_ASCII);
    } catch (IllegalArgumentException e) {
      throw new IOException("ACME storage holds a value that is not base64: " + e.getMessage(), e);
    }
  }
}
