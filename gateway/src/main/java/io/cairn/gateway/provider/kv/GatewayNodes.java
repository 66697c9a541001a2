package io.cairn.gateway.provider.kv;

import io.cairn.gateway.config.StaticConfig;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway nodes sharing one kv: each registers {@code /cairn/gateway/nodes/ID} on a lease of
 * {@link #TTL} kept alive while it runs, and counts the registered nodes every {@link #POLL}; a
 * node that dies drops out when its lease expires. {@link #count()} is the last count seen (1
 * until the first one, and kept when kv cannot be reached: rate limits then stay as they were).
 * One background thread; thread-safe.
 */
public final class GatewayNodes implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(GatewayNodes.class);
  static final String PREFIX = "/cairn/gateway/nodes/";
  /** How long a dead node is still counted. */
  static final long TTL = 10;
  /** How often the nodes are counted. */
  static final Duration POLL = Duration.ofSeconds(2);

  private final List<String> endpoints;
  private final EtcdSecurity security;
  private final String key = PREFIX + UUID.randomUUID();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("gateway-nodes").factory());
  private volatile int count = 1;
  private EtcdClient client; // the timer thread's
  private long lease;
  private Runnable refresh;

  private GatewayNodes(StaticConfig.EtcdProvider etcd) {
    this.endpoints = List.copyOf(etcd.endpoints());
    this.security = EtcdSecurity.of(etcd);
  }

  /** Registers this node and starts counting, in the background. */
  public static GatewayNodes start(StaticConfig.EtcdProvider etcd) {
    GatewayNodes n = new GatewayNodes(etcd);
    n.timer.scheduleWithFixedDelay(n::tick, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
    return n;
  }

  /** The live nodes, this one included; at least 1. */
  public int count() {
    return count;
  }

  private void tick() {
    try {
      if (client == null) {
        connect();
      }
      refresh.run();
      long n = client.count(PREFIX, KvAcmeStorage.CALL_TIMEOUT);
      if (n < 1) { // our lease expired (kv was away): register again
        disconnect();
        return;
      }
      count = (int) Math.min(Integer.MAX_VALUE, n);
    } catch (RuntimeException e) {
      log.debug("gateway nodes: kv not reachable, keeping the count {}: {}", count, e.toString());
      disconnect();
    }
  }

  private void connect() {
    RuntimeException last = null;
    for (String endpoint : endpoints) {
      EtcdClient c = null;
      try {
        c = new EtcdClient(endpoint, security, KvAcmeStorage.CALL_TIMEOUT);
        lease = c.grantLease(TTL, KvAcmeStorage.CALL_TIMEOUT);
        if (!c.putIf(key, "gateway", 0, lease, KvAcmeStorage.CALL_TIMEOUT)) {
          throw new IllegalStateException(key + " exists already");
        }
        refresh = c.keepAlive(lease);
        client = c;
        return;
      } catch (RuntimeException e) {
        if (c != null) {
          c.close();
        }
        last = e;
      }
    }
    throw last != null ? last : new IllegalStateException("no endpoint");
  }

  private void disconnect() {
    if (client != null) {
      client.close();
      client = null;
    }
  }

  /** Unregisters (revokes the lease) and stops counting. */
  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    EtcdClient c = client;
    if (c != null) {
      try {
        c.revokeLease(lease, KvAcmeStorage.CALL_TIMEOUT);
      } catch (RuntimeException e) {
        // expires by itself
      }
      c.close();
    }
  }
}
