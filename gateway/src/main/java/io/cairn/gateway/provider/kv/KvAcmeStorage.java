package io.cairn.gateway.provider.kv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.gateway.acme.AcmeSections;
import io.cairn.gateway.acme.AcmeStorage;
import io.cairn.gateway.config.StaticConfig;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * An ACME resolver's storage in kv (cairn kv or etcd, the endpoints of {@code providers.etcd}),
 * shared by every gateway node pointed at the same kv: the resolver's {@code acme.json} section
 * (the same JSON document, see {@link AcmeSections}) in one key, {@code
 * /cairn/gateway/acme/NAME}, written by compare-and-swap on its modification revision so no
 * node's update is lost; and a lock, {@code /cairn/gateway/acme/NAME.lock}, held by the node
 * ordering a certificate (a key created only when absent, on a lease of {@link #LOCK_TTL} kept
 * alive while held), so a certificate is ordered once for all nodes and the others find it stored.
 * A node that dies holding the lock frees it when its lease expires.
 *
 * <p>The keys live outside Traefik's {@code rootKey} so the kv provider never reads them as
 * configuration. One document per resolver bounds the certificates per resolver by kv's request
 * size (1.5 MiB by default: about 300 certificates). Each call connects to the endpoints in order
 * until one answers; calls block for at most {@link #CALL_TIMEOUT} each. Thread-safe.
 */
public final class KvAcmeStorage implements AcmeStorage {
  /** Bound of each kv call. */
  static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
  /** The lock's lease: how long a dead holder blocks the others. */
  static final long LOCK_TTL = 30;
  /** How long a node waits for the lock before its attempt fails (and is retried with backoff). */
  static final Duration LOCK_WAIT = Duration.ofMinutes(5);
  private static final int CAS_ATTEMPTS = 20;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<String> endpoints;
  private final EtcdSecurity security;
  private final String key;
  private final String lockKey;

  /** The storage of resolver {@code resolver} in the kv of {@code etcd}. */
  public KvAcmeStorage(StaticConfig.EtcdProvider etcd, String resolver) {
    if (etcd.endpoints().isEmpty()) {
      throw new IllegalArgumentException("providers.etcd.endpoints: at least one endpoint is needed, got none");
    }
    if (resolver.isEmpty() || resolver.contains("/")) {
      throw new IllegalArgumentException("resolver name \"" + resolver + "\"; expected a non-empty name without /");
    }
    this.endpoints = List.copyOf(etcd.endpoints());
    this.endpoints.forEach(EtcdClient::builder);
    this.security = EtcdSecurity.of(etcd);
    this.key = "/cairn/gateway/acme/" + resolver;
    this.lockKey = key + ".lock";
  }

  /** The key holding the resolver's section. */
  public String key() {
    return key;
  }

  @Override
  public Optional<Account> account() throws IOException {
    return AcmeSections.account(read());
  }

  @Override
  public void saveAccount(Account account) throws IOException {
    update(section -> AcmeSections.putAccount(section, account));
  }

  @Override
  public List<Certificate> certificates() throws IOException {
    return AcmeSections.certificates(read());
  }

  @Override
  public void saveCertificate(Certificate certificate) throws IOException {
    update(section -> AcmeSections.putCertificate(section, certificate));
  }

  @Override
  public <T> T exclusively(Exclusive<T> work) throws Exception {
    return call(c -> {
      long lease = c.grantLease(LOCK_TTL, CALL_TIMEOUT);
      Runnable refresh = c.keepAlive(lease);
      ScheduledExecutorService keeper = Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("acme-kv-lock").factory());
      try {
        keeper.scheduleAtFixedRate(refresh, LOCK_TTL / 3, LOCK_TTL / 3, TimeUnit.SECONDS);
        String owner = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
        while (!c.putIf(lockKey, owner, 0, lease, CALL_TIMEOUT)) {
          if (System.nanoTime() > deadline) {
            throw new IOException("the kv lock " + lockKey + " was held by another node for more than " + LOCK_WAIT);
          }
          Thread.sleep(500);
        }
        try {
          return work.run();
        } catch (StatusRuntimeException e) { // not an endpoint failure: must not rerun the work elsewhere
          throw new IOException(e);
        }
      } finally {
        keeper.shutdownNow();
        try {
          c.revokeLease(lease, CALL_TIMEOUT); // deletes the lock key
        } catch (StatusRuntimeException e) {
          // the lease expires by itself
        }
      }
    });
  }

  private interface Edit {
    void apply(ObjectNode section) throws IOException;
  }

  private JsonNode read() throws IOException {
    return parse(callIo(c -> c.get(key, CALL_TIMEOUT)).map(EtcdClient.Stored::value).orElse(""));
  }

  private void update(Edit edit) throws IOException {
    for (int i = 0; i < CAS_ATTEMPTS; i++) {
      boolean done = callIo(c -> {
        Optional<EtcdClient.Stored> old = c.get(key, CALL_TIMEOUT);
        ObjectNode section = parse(old.map(EtcdClient.Stored::value).orElse(""));
        edit.apply(section);
        return c.putIf(key, JSON.writeValueAsString(section), old.map(EtcdClient.Stored::modRevision).orElse(0L), 0,
            CALL_TIMEOUT);
      });
      if (done) {
        return;
      }
    }
    throw new IOException(key + " kept changing under " + CAS_ATTEMPTS + " attempts to update it");
  }

  private ObjectNode parse(String value) throws IOException {
    if (value.isEmpty()) {
      return JSON.createObjectNode();
    }
    if (!(JSON.readTree(value) instanceof ObjectNode o)) {
      throw new IOException("kv key " + key + " does not hold an ACME section; expected a JSON object");
    }
    return o;
  }

  private interface Call<T> {
    T apply(EtcdClient client) throws Exception;
  }

  private <T> T callIo(Call<T> call) throws IOException {
    try {
      return call(call);
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(e);
    }
  }

  /** Runs {@code call} against the first endpoint that answers. */
  private <T> T call(Call<T> call) throws Exception {
    StatusRuntimeException last = null;
    for (String endpoint : endpoints) {
      try (EtcdClient c = new EtcdClient(endpoint, security, CALL_TIMEOUT)) {
        return call.apply(c);
      } catch (StatusRuntimeException e) {
        last = e;
      }
    }
    throw new IOException("no kv endpoint of " + endpoints + " answered: " + last.getStatus(), last);
  }
}
