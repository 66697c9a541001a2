package io.cairn.kv.server;

import java.util.List;

/**
 * The TLS settings of kv's client and peer ports beyond certificates and CAs: etcd's {@code
 * --cipher-suites}, {@code --client-crl-file}, {@code --peer-crl-file}, {@code
 * --client-cert-allowed-hostname}, {@code --peer-cert-allowed-cn} and {@code
 * --peer-cert-allowed-hostname}. Empty strings and lists mean "not given".
 *
 * <p>Between members, Ratis' transport negotiates TLS 1.3 (every member runs the same JDK), whose
 * suites {@code --cipher-suites} does not restrict, as in etcd; the list applies to the client port
 * and to this member's calls to the leader's client URL.
 */
record TlsPolicy(
    List<String> cipherSuites,
    String clientCrlFile,
    String peerCrlFile,
    String clientAllowedHostname,
    String peerAllowedCn,
    String peerAllowedHostname) {

  /**
   * @throws IllegalArgumentException with etcd's message when both an allowed CN and an allowed
   *     hostname are given for peers
   */
  TlsPolicy {
    cipherSuites = List.copyOf(cipherSuites);
    AllowedName.of(peerAllowedCn, peerAllowedHostname);
  }

  /** What a client certificate must pass beyond the CA, files read now; null when nothing. */
  ChainCheck clientChecks() {
    ChainCheck crl = clientCrlFile.isEmpty() ? null : new RevocationList(clientCrlFile, "--client-crl-file");
    return ChainCheck.both(crl, AllowedName.of("", clientAllowedHostname));
  }

  /** What a member's certificate must pass beyond the CA, files read now; null when nothing. */
  ChainCheck peerChecks() {
    ChainCheck crl = peerCrlFile.isEmpty() ? null : new RevocationList(peerCrlFile, "--peer-crl-file");
    return ChainCheck.both(crl, AllowedName.of(peerAllowedCn, peerAllowedHostname));
  }
}
