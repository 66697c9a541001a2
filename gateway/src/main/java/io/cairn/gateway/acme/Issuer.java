package io.cairn.gateway.acme;

import io.cairn.gateway.tls.CertifiedKey;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.shredzone.acme4j.AccountBuilder;
import org.shredzone.acme4j.Authorization;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.Problem;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.challenge.Challenge;
import org.shredzone.acme4j.challenge.Http01Challenge;
import org.shredzone.acme4j.challenge.TlsAlpn01Challenge;
import org.shredzone.acme4j.exception.AcmeException;
import org.shredzone.acme4j.exception.AcmeServerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One resolver's conversation with its CA: the account (created once, key stored before it is
 * registered), then for a domain list an order, one challenge per pending authorization, the CSR
 * and the chain. Blocking; runs on the resolver's virtual threads. Thread-safe: the account is set
 * up under a lock, orders run in parallel.
 *
 * <p>Challenge choice per authorization: HTTP-01 when an {@code httpChallenge} entry point is
 * configured and the CA offers it, else TLS-ALPN-01 when {@code tlsChallenge} is on. Wildcard names
 * need DNS-01, which cairn does not implement: such an order fails with a message saying so.
 */
final class Issuer {
  private static final Logger LOG = LoggerFactory.getLogger(Issuer.class);
  private static final URI ACCOUNT_GONE =
      URI.create("urn:ietf:params:acme:error:accountDoesNotExist");

  private final String resolver;
  private final String email;
  private final String keyType;
  private final boolean useHttp;
  private final boolean useTls;
  private final Session session;
  private final AcmeStorage storage;
  private final HttpChallenges http;
  private final TlsAlpnChallenges tls;
  private final Duration timeout;
  private final ReentrantLock accountLock = new ReentrantLock();
  private volatile Login login;

  Issuer(
      String resolver, String email, String keyType, boolean useHttp, boolean useTls,
      Session session, AcmeStorage storage, HttpChallenges http, TlsAlpnChallenges tls,
      Duration timeout) {
    this.resolver = resolver;
    this.email = email;
    this.keyType = KeyTypes.check(keyType);
    this.useHttp = useHttp;
    this.useTls = useTls;
    this.session = session;
    this.storage = storage;
    this.http = http;
    this.tls = tls;
    this.timeout = timeout;
  }

  /** Obtains a certificate for {@code domains} (normalized, main first). */
  CertifiedKey issue(List<String> domains) throws AcmeException, IOException, InterruptedException {
    Login l = login();
    Order order;
    try {
      order = l.newOrder().domains(domains).create();
    } catch (AcmeServerException e) {
      if (ACCOUNT_GONE.equals(e.getType())) {
        // deactivated or forgotten by the CA: the next attempt registers the stored key again
        LOG.warn("ACME resolver {}: the CA no longer knows account {}", resolver, l.getAccountLocation());
        login = null;
        storage.saveAccount(new AcmeStorage.Account(email, l.getKeyPair(), Optional.empty()));
      }
      throw e;
    }
    for (Authorization auth : order.getAuthorizations()) {
      if (auth.getStatus() != Status.VALID) {
        authorize(auth);
      }
    }
    KeyPair domainKey = KeyTypes.generate(keyType);
    order.waitUntilReady(timeout);
    order.execute(domainKey);
    Status status = order.waitForCompletion(timeout);
    if (status != Status.VALID) {
      throw new AcmeException(
          "order for " + domains + " ended " + status + describe(order.getError()));
    }
    var chain = order.getCertificate().getCertificateChain();
    return new CertifiedKey(domainKey.getPrivate(), chain);
  }

  private void authorize(Authorization auth)
      throws AcmeException, IOException, InterruptedException {
    String domain = auth.getIdentifier().getDomain();
    if (auth.isWildcard()) {
      throw new AcmeException(
          "wildcard name *." + domain + " needs the DNS-01 challenge, which cairn does not support");
    }
    Optional<Http01Challenge> http01 =
        useHttp ? auth.findChallenge(Http01Challenge.class) : Optional.empty();
    Optional<TlsAlpn01Challenge> alpn01 =
        useTls ? auth.findChallenge(TlsAlpn01Challenge.class) : Optional.empty();
    Challenge challenge;
    Runnable withdraw;
    if (http01.isPresent()) {
      var c = http01.get();
      http.publish(c.getToken(), c.getAuthorization());
      challenge = c;
      withdraw = () -> http.withdraw(c.getToken());
    } else if (alpn01.isPresent()) {
      var c = alpn01.get();
      tls.publish(domain, ValidationCertificates.create(domain, c.getAcmeValidation()));
      challenge = c;
      withdraw = () -> tls.withdraw(domain);
    } else {
      throw new AcmeException(
          "the CA offers no usable challenge for " + domain + " (offered: "
              + auth.getChallenges().stream().map(Challenge::getType).toList()
              + "; configured: " + (useHttp ? "http-01 " : "") + (useTls ? "tls-alpn-01" : "") + ")");
    }
    try {
      LOG.debug("ACME resolver {}: {} challenge for {}", resolver, challenge.getType(), domain);
      challenge.trigger();
      Status status = challenge.waitForCompletion(timeout);
      if (status != Status.VALID) {
        throw new AcmeException(
            challenge.getType() + " challenge for " + domain + " ended " + status
                + describe(challenge.getError()));
      }
    } finally {
      withdraw.run();
    }
  }

  private Login login() throws AcmeException, IOException {
    Login l = login;
    if (l != null) {
      return l;
    }
    accountLock.lock();
    try {
      if (login != null) {
        return login;
      }
      var stored = storage.account();
      KeyPair key;
      if (stored.isPresent()) {
        key = stored.get().keyPair();
        Optional<URL> location = stored.get().location().filter(this::atThisCa);
        if (location.isPresent()) {
          login = session.login(location.get(), key);
          return login;
        }
      } else {
        key = KeyTypes.ec("secp256r1");
        storage.saveAccount(new AcmeStorage.Account(email, key, Optional.empty()));
      }
      var builder = new AccountBuilder().agreeToTermsOfService().useKeyPair(key);
      if (!email.isEmpty()) {
        builder.addEmail(email);
      }
      Login created = builder.createLogin(session);
      storage.saveAccount(
          new AcmeStorage.Account(email, key, Optional.of(created.getAccountLocation())));
      LOG.info("ACME resolver {}: registered account {}", resolver, created.getAccountLocation());
      login = created;
      return created;
    } finally {
      accountLock.unlock();
    }
  }

  private boolean atThisCa(URL location) {
    var ca = session.getServerUri();
    return location.getProtocol().equals(ca.getScheme())
        && location.getAuthority().equals(ca.getRawAuthority());
  }

  private static String describe(Optional<Problem> problem) {
    return problem.map(p -> ": " + p).orElse("");
  }
}
