package io.cairn.gateway.acme;

import io.cairn.gateway.tls.CertifiedKey;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One domain list a resolver keeps a certificate for. {@code current} is read by handshakes and
 * replaced only after a new certificate is stored; {@code failures} is touched only by the one
 * check that runs at a time for this list (the scheduler keeps a single pending check per list).
 */
final class Managed {
  final List<String> domains;
  final CompletableFuture<CertifiedKey> ready = new CompletableFuture<>();
  volatile CertifiedKey current;
  int failures;

  Managed(List<String> domains) {
    this.domains = List.copyOf(domains);
  }

  void serve(CertifiedKey certifiedKey) {
    current = certifiedKey;
    failures = 0;
    ready.complete(certifiedKey);
  }
}
