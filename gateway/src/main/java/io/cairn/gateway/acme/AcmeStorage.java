package io.cairn.gateway.acme;

import io.cairn.gateway.tls.CertifiedKey;
import java.io.IOException;
import java.net.URL;
import java.security.KeyPair;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one resolver keeps its ACME account and certificates.
 *
 * <p>Contract: every {@code save…} is atomic and durable when it returns (after a crash a reader
 * sees the old or the new state, never a torn one); thread-safe; every method may block on I/O, so
 * it is called only from the resolver's background threads, never from an event loop.
 */
public interface AcmeStorage {

  /** The stored account, or empty when none was saved yet. */
  Optional<Account> account() throws IOException;

  /** Saves (replaces) the account. */
  void saveAccount(Account account) throws IOException;

  /** Every stored certificate; empty when none. */
  List<Certificate> certificates() throws IOException;

  /** Saves a certificate, replacing the one stored for the same domain list (compared as a set). */
  void saveCertificate(Certificate certificate) throws IOException;

  /**
   * Runs {@code work} (reading the storage, ordering a certificate, saving it) while no other
   * holder of this storage does, across every node sharing it; blocks until it may. The default,
   * for storage no other process shares, runs it at once.
   *
   * @throws Exception what {@code work} throws, or why exclusivity could not be had in time
   */
  default <T> T exclusively(Exclusive<T> work) throws Exception {
    return work.run();
  }

  /** Work run by {@link #exclusively}. */
  @FunctionalInterface
  interface Exclusive<T> {
    T run() throws Exception;
  }

  /**
   * An ACME account.
   *
   * @param email the contact address it was registered with (may be empty)
   * @param keyPair the account key
   * @param location the account URL at the CA, empty until registration succeeded
   */
  record Account(String email, KeyPair keyPair, Optional<URL> location) {
    public Account {
      Objects.requireNonNull(email, "email");
      Objects.requireNonNull(keyPair, "keyPair");
      Objects.requireNonNull(location, "location");
    }
  }

  /**
   * A certificate obtained for a list of domains.
   *
   * @param domains normalized names, the main domain first
   * @param certifiedKey the key and chain
   */
  record Certificate(List<String> domains, CertifiedKey certifiedKey) {
    public Certificate {
      domains = List.copyOf(domains);
      if (domains.isEmpty()) {
        throw new IllegalArgumentException("certificate without domains; expected at least one");
      }
      Objects.requireNonNull(certifiedKey, "certifiedKey");
    }
  }
}
