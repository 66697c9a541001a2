package io.cairn.gateway.acme.testca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

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
  private final OrderFlow orders;
  private final Set<String> nonces = ConcurrentHashMap.newKeySet();
  private final Map<String, AcmeState.Account> accounts = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final AtomicInteger newAccountRequests = new AtomicInteger();
  private final AtomicInteger faultsToServe = new AtomicInteger();
  private final AtomicInteger faultsServed = new AtomicInteger();

  public TestAcmeServer(TestCa ca) throws IOException {
    this.ca = ca;
    server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(ca.serverContext()));
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
    base = "https://127.0.0.1:" + server.getAddress().getPort();
    orders = new OrderFlow(ca, base, ids, this::nonce);
  }

  public URI directory() {
    return URI.create(base + "/dir");
  }

  public String baseUrl() {
    return base;
  }

  public void mapHttp(String domain, int port) {
    orders.httpPorts.put(domain, port);
  }

  public void mapTls(String domain, int port) {
    orders.tlsPorts.put(domain, port);
  }

  public void certificateValidity(Duration value) {
    orders.validity = value;
  }

  /** The next {@code n} newOrder requests fail: odd ones with a 500 problem, even ones malformed. */
  public void failNextOrders(int n) {
    faultsToServe.set(n);
  }

  /** Forgets every account, as a CA that lost or deactivated them. */
  public void forgetAccounts() {
    accounts.clear();
  }

  public int newAccountRequests() {
    return newAccountRequests.get();
  }

  public int accounts() {
    return accounts.size();
  }

  public int ordersCreated() {
    return orders.ordersCreated.get();
  }

  public int certificatesIssued() {
    return orders.certificates.size();
  }

  public int faultsServed() {
    return faultsServed.get();
  }

  public int validationsPassed() {
    return orders.validationsPassed.get();
  }

  public int validationsFailed() {
    return orders.validationsFailed.get();
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
        case "order" -> json(ex, 200, orders.owned(orders.orders.get(id), acct).json(base), null);
        case "authz" -> json(ex, 200, orders.authz(id, acct).json(base), null);
        case "chall" -> orders.challenge(ex, req, id, acct);
        case "finalize" -> orders.finalizeOrder(ex, req, orders.owned(orders.orders.get(id), acct));
        case "cert" -> orders.certificate(ex, id);
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
      Replies.send(ex, nonce(), 201, "application/json",
          "{\"status\": ".getBytes(StandardCharsets.UTF_8), null);
      return;
    }
    orders.newOrder(ex, req, acct);
  }

  static JsonNode payload(Jws.Request req) throws Jws.Problem {
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
    Replies.json(ex, nonce(), status, body, location);
  }

  private void problem(HttpExchange ex, Jws.Problem p) throws IOException {
    Replies.problem(ex, nonce(), p);
  }

  static String token() {
    return Jws.b64url(randomBytes(24));
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }
}
