package io.cairn.gateway.acme.testca;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/** The test server's orders: authorizations, challenge validation, finalize, certificates. */
final class OrderFlow {
  final Map<String, Integer> httpPorts = new ConcurrentHashMap<>();
  final Map<String, Integer> tlsPorts = new ConcurrentHashMap<>();
  final Map<String, AcmeState.Order> orders = new ConcurrentHashMap<>();
  final Map<String, String> certificates = new ConcurrentHashMap<>();
  final AtomicInteger ordersCreated = new AtomicInteger();
  final AtomicInteger validationsPassed = new AtomicInteger();
  final AtomicInteger validationsFailed = new AtomicInteger();
  volatile Duration validity = Duration.ofDays(90);
  private final Map<String, AcmeState.Authz> authzs = new ConcurrentHashMap<>();
  private final Map<String, AcmeState.Challenge> challenges = new ConcurrentHashMap<>();
  private final TestCa ca;
  private final String base;
  private final AtomicInteger ids;
  private final Supplier<String> nonce;

  OrderFlow(TestCa ca, String base, AtomicInteger ids, Supplier<String> nonce) {
    this.ca = ca;
    this.base = base;
    this.ids = ids;
    this.nonce = nonce;
  }

  void newOrder(HttpExchange ex, Jws.Request req, AcmeState.Account acct)
      throws Jws.Problem, IOException {
    var domains = new ArrayList<String>();
    for (JsonNode i : TestAcmeServer.payload(req).path("identifiers")) {
      if (!"dns".equals(i.path("type").asText())) {
        throw new Jws.Problem("unsupportedIdentifier", 400, "only dns identifiers");
      }
      domains.add(i.path("value").asText());
    }
    if (domains.isEmpty()) {
      throw new Jws.Problem("malformed", 400, "order without identifiers");
    }
    var list = new ArrayList<AcmeState.Authz>();
    for (String d : domains) {
      var a = new AcmeState.Authz("z" + ids.incrementAndGet(), d, acct.id);
      a.challenges = List.of(
          new AcmeState.Challenge("c" + ids.incrementAndGet(), "http-01", TestAcmeServer.token(), a),
          new AcmeState.Challenge("c" + ids.incrementAndGet(), "tls-alpn-01", TestAcmeServer.token(), a));
      a.challenges.forEach(c -> challenges.put(c.id, c));
      authzs.put(a.id, a);
      list.add(a);
    }
    var order = new AcmeState.Order("o" + ids.incrementAndGet(), acct.id, domains, list);
    orders.put(order.id, order);
    ordersCreated.incrementAndGet();
    Replies.json(ex, nonce.get(), 201, order.json(base), base + "/order/" + order.id);
  }
  void challenge(HttpExchange ex, Jws.Request req, String id, AcmeState.Account acct)
      throws Jws.Problem, IOException {
    var c = challenges.get(id);
    if (c == null || !c.authz.accountId.equals(acct.id)) {
      throw new Jws.Problem("malformed", 404, "no challenge " + id);
    }
    if (!req.postAsGet() && c.status.equals("pending")) {
      validate(c, acct);
    }
    ex.getResponseHeaders().add("Link", "<" + base + "/authz/" + c.authz.id + ">;rel=\"up\"");
    Replies.json(ex, nonce.get(), 200, c.json(base), null);
  }
  private void validate(AcmeState.Challenge c, AcmeState.Account acct) {
    String keyAuth = c.token + "." + acct.thumbprint;
    String domain = c.authz.domain;
    var error = switch (c.type) {
      case "http-01" -> Validators.http01(domain, httpPorts.getOrDefault(domain, 80), c.token, keyAuth);
      default -> Validators.tlsAlpn01(domain, tlsPorts.getOrDefault(domain, 443), keyAuth);
    };
    synchronized (this) {
      c.status = error.isEmpty() ? "valid" : "invalid";
      c.error = error.orElse(null);
      c.authz.status = c.status;
    }
    (error.isEmpty() ? validationsPassed : validationsFailed).incrementAndGet();
  }
  void finalizeOrder(HttpExchange ex, Jws.Request req, AcmeState.Order order)
      throws Jws.Problem, IOException {
    if (!order.status().equals("ready")) {
      throw new Jws.Problem("orderNotReady", 403, "order is " + order.status());
    }
    var csr = Csr.parse(Jws.b64(TestAcmeServer.payload(req).path("csr").asText()));
    if (!new HashSet<>(csr.dnsNames()).equals(new HashSet<>(order.domains))) {
      throw new Jws.Problem("badCSR", 400, "CSR names " + csr.dnsNames() + " are not " + order.domains);
    }
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    var leaf = ca.issue(csr.key(), order.domains, List.of(), now, now.plus(validity));
    var pem = new StringWriter();
    try (var w = new JcaPEMWriter(pem)) {
      w.writeObject(leaf);
      w.writeObject(ca.certificate());
    }
    String certId = "k" + ids.incrementAndGet();
    certificates.put(certId, pem.toString());
    order.certId = certId;
    Replies.json(ex, nonce.get(), 200, order.json(base), base + "/order/" + order.id);
  }
  void certificate(HttpExchange ex, String id) throws Jws.Problem, IOException {
    String pem = certificates.get(id);
    if (pem == null) {
      throw new Jws.Problem("malformed", 404, "no certificate " + id);
    }
    Replies.send(ex, nonce.get(), 200, "application/pem-certificate-chain",
        pem.getBytes(StandardCharsets.US_ASCII), null);
  }
  AcmeState.Order owned(AcmeState.Order order, AcmeState.Account acct) throws Jws.Problem {
    if (order == null || !order.accountId.equals(acct.id)) {
      throw new Jws.Problem("malformed", 404, "no such order");
    }
    return order;
  }
  AcmeState.Authz authz(String id, AcmeState.Account acct) throws Jws.Problem {
    var a = authzs.get(id);
    if (a == null || !a.accountId.equals(acct.id)) {
      throw new Jws.Problem("malformed", 404, "no authorization " + id);
    }
    return a;
  }
}
