package io.cairn.kv.server;

import io.cairn.common.config.CommonKeys;
import io.cairn.common.config.Config;
import io.cairn.common.config.ConfigKey;
import io.cairn.common.config.ConfigLoader;
import io.cairn.common.metrics.Metrics;
import io.etcd.jetcd.Client;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/** N kv members in this JVM on 127.0.0.1 with free ports; for behaviour tests run on 1 and 3 nodes. */
final class KvTestCluster implements AutoCloseable {
  private static final List<ConfigKey<?>> KEYS = Stream.of(CommonKeys.ALL, KvKeys.ALL).flatMap(List::stream).toList();

  final int size;
  private final Path dir;
  private final int[] clientPorts;
  private final int[] peerPorts;
  private final KvServer[] servers;
  private final Map<String, String> extra;
  private final List<AutoCloseable> clients = new ArrayList<>();

  KvTestCluster(int size, Path dir, Map<String, String> extraFlags) throws IOException {
    this.size = size;
    this.dir = dir;
    this.extra = extraFlags;
    clientPorts = new int[size];
    peerPorts = new int[size];
    servers = new KvServer[size];
    for (int i = 0; i < size; i++) {
      clientPorts[i] = freePort();
      peerPorts[i] = freePort();
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  Config config(int i) {
    return config(i, Map.of());
  }

  /** Member {@code i}'s configuration with {@code override} flags replacing the cluster's. */
  Config config(int i, Map<String, String> override) {
    StringBuilder cluster = new StringBuilder();
    for (int j = 0; j < size; j++) {
      cluster.append(j == 0 ? "" : ",").append("n").append(j).append("=").append(peerUrl(j));
    }
    Map<String, String> flags = new HashMap<>();
    flags.put("--name", "n" + i);
    flags.put("--data-dir", dir.resolve("n" + i).toString());
    flags.put("--listen-client-urls", clientUrl(i));
    flags.put("--advertise-client-urls", clientUrl(i));
    flags.put("--listen-peer-urls", peerUrl(i));
    flags.put("--initial-advertise-peer-urls", peerUrl(i));
    flags.put("--initial-cluster", cluster.toString());
    flags.put("--election-timeout", "1000");
    flags.putAll(extra);
    flags.putAll(override);
    Map<ConfigKey<?>, String> given = new HashMap<>();
    for (ConfigKey<?> k : KEYS) {
      if (flags.containsKey(k.flag())) {
        given.put(k, flags.get(k.flag()));
      }
    }
    return new ConfigLoader(KEYS).load(Optional.empty(), given);
  }

  /** https:// when the extra flags give {@code --peer-cert-file} or {@code --peer-auto-tls}. */
  String peerUrl(int i) {
    boolean tls = extra.containsKey("--peer-cert-file") || extra.containsKey("--peer-auto-tls");
    return (tls ? "https" : "http") + "://127.0.0.1:" + peerPorts[i];
  }

  /** https:// when the extra flags give {@code --cert-file} or {@code --auto-tls}. */
  String clientUrl(int i) {
    boolean tls = extra.containsKey("--cert-file") || extra.containsKey("--auto-tls");
    return (tls ? "https" : "http") + "://127.0.0.1:" + clientPorts[i];
  }

  KvTestCluster start() throws Exception {
    for (int i = 0; i < size; i++) {
      start(i);
    }
    awaitLeader();
    return this;
  }

  void start(int i) throws Exception {
    start(i, config(i));
  }

  /** Starts member {@code i} with {@code c} (tests that give one member other flags). */
  void start(int i, Config c) throws Exception {
    servers[i] = new KvServer(c, c.get(CommonKeys.DATA_DIR).resolve("kv"), Metrics.create(), () -> {});
    servers[i].start();
  }

  void stop(int i) {
    if (servers[i] != null) {
      servers[i].stop();
      servers[i] = null;
    }
  }

  KvServer server(int i) {
    return servers[i];
  }

  void awaitLeader() {
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> leaderIndex() >= 0);
  }

  /** The index of a running member that leads, or -1. */
  int leaderIndex() {
    for (int i = 0; i < size; i++) {
      if (servers[i] != null && servers[i].isLeader()) {
        return i;
      }
    }
    return -1;
  }

  /** A jetcd client over every member. */
  Client client() {
    String[] endpoints = new String[size];
    for (int i = 0; i < size; i++) {
      endpoints[i] = clientUrl(i);
    }
    Client c = Client.builder().endpoints(endpoints).build();
    clients.add(c);
    return c;
  }

  /** A plain gRPC channel to one member, for raw requests jetcd would refuse to send. */
  ManagedChannel channel(int i) {
    ManagedChannel ch = NettyChannelBuilder.forAddress("127.0.0.1", clientPorts[i]).usePlaintext().build();
    clients.add(ch::shutdownNow);
    return ch;
  }

  @Override
  public void close() {
    for (AutoCloseable c : clients) {
      try {
        c.close();
      } catch (Exception ignored) {
        // best effort
      }
    }
    for (int i = 0; i < size; i++) {
      stop(i);
    }
  }
}
