package io.cairn.gateway.acme.testca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/**
 * Enough of an RFC 8555 CA for acme4j, over HTTPS on 127.0.0.1 with a {@link TestCa}: directory,
 * newNonce, newAccount, newOrder, authorizations, challenges, finalize, certificate download,
 * POST-as-GET, and JWS checks (signature, nonce, url, jwk/kid). Challenges are validated at once
 * when they are triggered, against 127.0.0.1 and the port a test maps the domain to ({@link
 * #mapHttp}, {@link #mapTls}). Issued certificates start now (not backdated) and last {@link
 * #certificateValidity} (90 days unless set).
 */
public final class TestAcmeServer implements AutoCloseable {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final TestCa ca;
  private final HttpsServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final String base;
  private final Set<String> nonces = ConcurrentHashMap.newKeySet();
  private final Map<String, Integer> httpPorts = new ConcurrentHashMap<>();
  private final Map<String, Integer> tlsPorts = new ConcurrentHashMap<>();
  private final Map<String, AcmeState.Account> accounts = new ConcurrentHashMap<>();
  private final Map<String, AcmeState.Order> orders = new ConcurrentHashMap<>();
  private final Map<String, AcmeState.Authz> authzs = new ConcurrentHashMap<>();
  private final Map<String, AcmeState.Challenge> challenges = new ConcurrentHashMap<>();
  private final Map<String, String> certificates = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final AtomicInteger newAccountRequests = new AtomicInteger();
  private final AtomicInteger ordersCreated = new AtomicInteger();
  private final AtomicInteger faultsToServe = new AtomicInteger();
  private final AtomicInteger faultsServed = new AtomicInteger();
  private final AtomicInteger validationsPassed = new AtomicInteger();
  private final AtomicInteger validationsFailed = new AtomicInteger();
  private volatile Duration validity = Duration.ofDays(90);

  public TestAcmeServer(TestCa ca) throws IOException {
    this.ca = ca;
    server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(ca.serverContext()));
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
    base = "https://127.0.0.1:" + server.getAddress().getPort();
  }

  public URI directory() {
    return URI.create(base + "/dir");
  }

  public String baseUrl() {
    return base;
  }

  public void mapHttp(String domain, int port) {
    httpPorts.put(domain, port);
  }

  public void mapTls(String domain, int port) {
    tlsPorts.put(domain, port);
  }

  public void certificateValidity(Duration value) {
    validity = value;
  }

  /** The next {@code n} newOrder requests fail: odd ones with a 500 problem, even ones malformed. */
  public void failNextOrders(int n) {
    faultsToServe.set(n);
  }

  public int newAccountRequests() {
    return newAccountRequests.get();
  }

  public int accounts() {
    return accounts.size();
  }

  public int ordersCreated() {
    return ordersCreated.get();
  }

  public int certificatesIssued() {
    return certificates.size();
  }

  public int faultsServed() {
    return faultsServed.get();
  }

  public int validationsPassed() {
    return validationsPassed.get();
  }

  public int validationsFailed() {
    return validationsFailed.get();
  }

  /** A fresh nonce, as newNonce would give (for hand-made JWS requests). */
  public String nonce() {
    String n = Jws.b64url(randomBytes(16));
    nonces.add(n);
    return n;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      String method = ex.getRequestMethod();
      if (path.equals("/dir") && method.equals("GET")) {
        ObjectNode d = Jws.JSON.createObjectNode();
        d.put("newNonce", base + "/nonce").put("newAccount", base + "/new-acct")
            .put("newOrder", base + "/new-order").put("revokeCert", base + "/revoke")
            .put("keyChange", base + "/key-change");
        d.putObject("meta").put("termsOfService", base + "/terms");
        json(ex, 200, d, null);
      } else if (path.equals("/nonce") && (method.equals("HEAD") || method.equals("GET"))) {
        ex.getResponseHeaders().set("Replay-Nonce", nonce());
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(method.equals("HEAD") ? 200 : 204, -1);
      } else if (method.equals("POST")) {
        post(ex, path);
      } else {
        problem(ex, new Jws.Problem("malformed", 405, method + " " + path + " is not served"));
      }
    } catch (RuntimeException e) {
      problem(ex, new Jws.Problem("serverInternal", 500, e.toString()));
    }
  }

  private void post(HttpExchange ex, String path) throws IOException {
    try {
      String type = ex.getRequestHeaders().getFirst("Content-Type");
      if (!"application/jose+json".equals(type)) {
        throw new Jws.Problem("malformed", 415, "Content-Type must be application/jose+json");
      }
      var req = Jws.parse(ex.getRequestBody().readAllBytes());
      if (req.nonce() == null || !nonces.remove(req.nonce())) {
        throw new Jws.Problem("badNonce", 400, "JWS has an invalid anti-replay nonce");
      }
      if (!(base + path).equals(req.url())) {
        throw new Jws.Problem("unauthorized", 401, "JWS url " + req.url() + " is not " + base + path);
      }
      if (path.equals("/new-acct")) {
        newAccount(ex, req);
        return;
      }
      if (req.kid() == null) {
        throw new Jws.Problem("malformed", 400, "this request must be signed with a kid");
      }
      AcmeState.Account acct = accounts.get(req.kid());
      if (acct == null) {
        throw new Jws.Problem("accountDoesNotExist", 400, "no account " + req.kid());
      }
      Jws.verify(req, acct.key);
      String[] parts = path.split("/");
      String id = parts.length > 2 ? parts[2] : "";
      switch (parts.length > 1 ? parts[1] : "") {
        case "new-order" -> newOrder(ex, req, acct);
        case "acct" -> json(ex, 200, accountJson(), base + path);
        case "order" -> json(ex, 200, owned(orders.get(id), acct).json(base), null);
        case "authz" -> json(ex, 200, authz(id, acct).json(base), null);
        case "chall" -> challenge(ex, req, id, acct);
        case "finalize" -> finalizeOrder(ex, req, owned(orders.get(id), acct));
        case "cert" -> certificate(ex, id);
        default -> throw new Jws.Problem("malformed", 404, "no resource at " + path);
      }
    } catch (Jws.Problem p) {
      problem(ex, p);
    }
  }

  private void newAccount(HttpExchange ex, Jws.Request req) throws Jws.Problem, IOException {
    newAccountRequests.incrementAndGet();
    if (req.jwk() == null) {
      throw new Jws.Problem("malformed", 400, "newAccount must be signed with a jwk");
    }
    var key = Jws.publicKey(req.jwk());
    Jws.verify(req, key);
    String thumb = Jws.thumbprint(req.jwk());
    var existing = accounts.values().stream().filter(a -> a.thumbprint.equals(thumb)).findFirst();
    if (existing.isPresent()) {
      json(ex, 200, accountJson(), base + "/acct/" + existing.get().id);
      return;
    }
    JsonNode payload = payload(req);
    if (payload.path("onlyReturnExisting").asBoolean(false)) {
      throw new Jws.Problem("accountDoesNotExist", 400, "no account for this key");
    }
    if (!payload.path("termsOfServiceAgreed").asBoolean(false)) {
      throw new Jws.Problem("userActionRequired", 403, "the terms of service must be agreed to");
    }
    String id = "a" + ids.incrementAndGet();
    accounts.put(base + "/acct/" + id, new AcmeState.Account(id, key, thumb));
    json(ex, 201, accountJson(), base + "/acct/" + id);
  }

  private void newOrder(HttpExchange ex, Jws.Request req, AcmeState.Account acct)
      throws Jws.Problem, IOException {
    if (faultsToServe.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      if (faultsServed.incrementAndGet() % 2 == 1) {
        throw new Jws.Problem("serverInternal", 500, "injected failure");
      }
      byte[] garbage = "{\"status\": ".getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.getResponseHeaders().set("Replay-Nonce", nonce());
      ex.sendResponseHeaders(201, garbage.length);
      ex.getResponseBody().write(garbage);
      return;
    }
    var domains = new ArrayList<String>();
    for (JsonNode i : payload(req).path("identifiers")) {
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
          new AcmeState.Challenge("c" + ids.incrementAndGet(), "http-01", token(), a),
          new AcmeState.Challenge("c" + ids.incrementAndGet(), "tls-alpn-01", token(), a));
      a.challenges.forEach(c -> challenges.put(c.id, c));
      authzs.put(a.id, a);
      list.add(a);
    }
    var order = new AcmeState.Order("o" + ids.incrementAndGet(), acct.id, domains, list);
    orders.put(order.id, order);
    ordersCreated.incrementAndGet();
    json(ex, 201, order.json(base), base + "/order/" + order.id);
  }

  private void challenge(HttpExchange ex, Jws.Request req, String id, AcmeState.Account acct)
      throws Jws.Problem, IOException {
    var c = challenges.get(id);
    if (c == null || !c.authz.accountId.equals(acct.id)) {
      throw new Jws.Problem("malformed", 404, "no challenge " + id);
    }
    if (!req.postAsGet() && c.status.equals("pending")) {
      validate(c, acct);
    }
    ex.getResponseHeaders().add("Link", "<" + base + "/authz/" + c.authz.id + ">;rel=\"up\"");
    json(ex, 200, c.json(base), null);
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

  private void finalizeOrder(HttpExchange ex, Jws.Request req, AcmeState.Order order)
      throws Jws.Problem, IOException {
    if (!order.status().equals("ready")) {
      throw new Jws.Problem("orderNotReady", 403, "order is " + order.status());
    }
    var csr = Csr.parse(Jws.b64(payload(req).path("csr").asText()));
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
    json(ex, 200, order.json(base), base + "/order/" + order.id);
  }

  private void certificate(HttpExchange ex, String id) throws Jws.Problem, IOException {
    String pem = certificates.get(id);
    if (pem == null) {
      throw new Jws.Problem("malformed", 404, "no certificate " + id);
    }
    byte[] body = pem.getBytes(StandardCharsets.US_ASCII);
    ex.getResponseHeaders().set("Content-Type", "application/pem-certificate-chain");
    ex.getResponseHeaders().set("Replay-Nonce", nonce());
    ex.sendResponseHeaders(200, body.length);
    ex.getResponseBody().write(body);
  }

  private AcmeState.Order owned(AcmeState.Order order, AcmeState.Account acct) throws Jws.Problem {
    if (order == null || !order.accountId.equals(acct.id)) {
      throw new Jws.Problem("malformed", 404, "no such order");
    }
    return order;
  }

  private AcmeState.Authz authz(String id, AcmeState.Account acct) throws Jws.Problem {
    var a = authzs.get(id);
    if (a == null || !a.accountId.equals(acct.id)) {
      throw new Jws.Problem("malformed", 404, "no authorization " + id);
    }
    return a;
  }

  private static JsonNode payload(Jws.Request req) throws Jws.Problem {
    try {
      return req.payloadJson();
    } catch (IOException e) {
      throw new Jws.Problem("malformed", 400, "payload is not JSON: " + e.getMessage());
    }
  }

  private ObjectNode accountJson() {
    ObjectNode a = Jws.JSON.createObjectNode();
    a.put("status", "valid").put("termsOfServiceAgreed", true);
    return a;
  }

  private void json(HttpExchange ex, int status, JsonNode body, String location) throws IOException {
    byte[] bytes = Jws.JSON.writeValueAsBytes(body);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.getResponseHeaders().set("Replay-Nonce", nonce());
    if (location != null) {
      ex.getResponseHeaders().set("Location", location);
    }
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
  }

  private void problem(HttpExchange ex, Jws.Problem p) throws IOException {
    ObjectNode body = Jws.JSON.createObjectNode();
    body.put("type", "urn:ietf:params:acme:error:" + p.type).put("detail", p.getMessage())
        .put("status", p.status);
    byte[] bytes = Jws.JSON.writeValueAsBytes(body);
    ex.getResponseHeaders().set("Content-Type", "application/problem+json");
    ex.getResponseHeaders().set("Replay-Nonce", nonce());
    ex.sendResponseHeaders(p.status, bytes.length);
    ex.getResponseBody().write(bytes);
  }

  private static String token() {
    return Jws.b64url(randomBytes(24));
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }
}
