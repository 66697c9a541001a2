package io.cairn.gateway.tls;

import java.util.List;
import java.util.Optional;

/** OCSP stapling (placeholder until the fetcher lands). */
final class OcspStapler implements AutoCloseable {
  void watch(List<CertifiedKey> keys) {}

  Optional<byte[]> responseFor(CertifiedKey key) {
    return Optional.empty();
  }

  @Override
  public void close() {}
}
