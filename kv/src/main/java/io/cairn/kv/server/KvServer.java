package io.cairn.kv.server;

import io.cairn.common.config.Config;
import io.cairn.common.config.HostPort;
import io.cairn.common.lifecycle.Endpoint;
import io.cairn.common.lifecycle.Service;
import io.cairn.common.metrics.Metrics;
import io.cairn.kv.api.AuthGuard;
import io.cairn.kv.api.AuthService;
import io.cairn.kv.api.ClusterService;
import io.cairn.kv.api.ElectionService;
import io.cairn.kv.api.Headers;
import io.cairn.kv.api.JwtTokens;
import io.cairn.kv.api.KvService;
import io.cairn.kv.api.LeaderForwarder;
import io.cairn.kv.api.LearnerGuard;
import io.cairn.kv.api.LeaseService;
import io.cairn.kv.api.LockService;
import io.cairn.kv.api.MaintenanceService;
import io.cairn.kv.api.Members;
import io.cairn.kv.api.Proposals;
import io.cairn.kv.api.Reads;
import io.cairn.kv.api.WatchService;
import io.cairn.kv.gateway.Gateway;
import io.cairn.kv.lease.Lessor;
import io.cairn.kv.watch.WatchHub;
import io.cairn.raft.PeerTls;
import io.cairn.raft.RaftGroupHandle;
import io.cairn.raft.RaftNode;
import io.cairn.raft.RaftNodeConfig;
import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kv service: an etcd v3 member. Start order: store, Raft node and group, lessor and watch hub,
 * gRPC servers on the client URLs. Stop order is the reverse. Ready once the group has a leader.
 *
 * <p>Data lives under the directory given to the constructor: {@code store/} (the RocksDB store, see
 * {@link StoreDirectory}), {@code raft/} (Ratis log and snapshots), {@code cluster-id}, and {@code
 * tmp/} (scratch space for snapshots, emptied at start).
 */
public final class KvServer implements Service {
  private static final Logger log = LoggerFactory.getLogger(KvServer.class);
  static final String GROUP = "kv";
  /** gRPC may carry this much more than --max-request-bytes, as etcd allows (grpcOverheadBytes). */
  static final int GRPC_OVERHEAD_BYTES = 512 * 1024;

  private final Config config;
  private final Path dir;
  private final Metrics metrics;
  private final Runnable stopProcess;

  private KvSettings settings;
  private SwappableStore store;
  private RaftNode raftNode;
  private RaftGroupHandle raft;
  private WatchHub hub;
  private Lessor lessor;
  private LeaderForwarder forwarder;
  private AutoCompactor compactor;
  private ClusterService cluster;
  private ExecutorService executor;
  private final List<Server> servers = new ArrayList<>();
  private MemberPublisher publisher;
  private KvMetrics kvMetrics;

  /**
   * @param dir the kv data directory ({@code <data-dir>/kv})
   * @param stopProcess asks the process to shut down (called when this member learns it was removed
   *     from the cluster, as etcd then stops)
   */
  public KvServer(Config config, Path dir, Metrics metrics, Runnable stopProcess) {
    this.config = config;
    this.dir = dir;
    this.metrics = metrics;
    this.stopProcess = stopProcess;
  }

  @Override
  public String name() {
    return "kv";
  }

  @Override
  public void start() throws Exception {
    settings = KvSettings.from(config);
    try {
      startAll();
    } catch (Exception | Error e) {
      stop();
      throw e;
    }
  }

  private void startAll() throws Exception {
    // first, so that a bad certificate or key fails the start before anything is opened
    ClientTls clientTls =
        settings.tls().resolve(dir.resolve("fixtures").resolve("client"), listenHosts(settings.listenClientUrls()),
            settings.selfSignedCertValidityYears());
    TlsPolicy policy = settings.tlsPolicy();
    SslContext tls = needsTls() ? clientTls.serverContext(policy.cipherSuites(), policy.clientChecks()) : null;
    JwtTokens jwt = settings.authToken().load();
    if (tls != null && clientTls.clientCertAuth() && clientTls.trustedCaFile().isEmpty()) {
      log.warn("--client-cert-auth without --trusted-ca-file: client certificates are checked against the JDK's"
          + " default trusted CAs, and with auth enabled any such certificate logs in as the user its CN names");
    }
    PeerTls peerTls =
        settings.peerTls() == null
            ? null
            : settings.peerTls()
                .resolve(dir.resolve("fixtures").resolve("peer"), listenHosts(List.of(settings.listenPeerUrl())),
                    settings.selfSignedCertValidityYears())
                .load(policy.peerChecks());
    StoreDirectory.deleteRecursively(dir.resolve("tmp"));
    StoreDirectory storeDir = new StoreDirectory(dir.resolve("store"), settings.quotaBytes());
    store = new SwappableStore(storeDir.open());
    executor = Executors.newVirtualThreadPerTaskExecutor();
    long selfId = settings.self().id();
    long clusterId = ClusterIdFile.loadOrCreate(dir, settings);
    kvMetrics = new KvMetrics(metrics.registry());

    raftNode =
        new RaftNode(
            new RaftNodeConfig(
                listenAs(settings.self().toRaft(), Urls.listen(settings.listenPeerUrl())),
                dir.resolve("raft"),
                settings.electionTimeout(),
                Duration.ofSeconds(7),
                settings.snapshotCount(),
                peerTls));
    raftNode.metrics().onWalFsync(kvMetrics::walFsynced);
    raftNode.start();
    String selfHex = Members.hex(selfId);
    KvStateMachine sm =
        new KvStateMachine(
            store,
            storeDir,
            (leader, term) -> kvMetrics.leaderChanged(),
            () -> {
              if (hub != null) {
                hub.resyncAll();
              }
            });
    List<io.cairn.raft.RaftMember> members = settings.initialMembers().stream().map(Members.Info::toRaft).toList();
    raft =
        settings.state() == KvKeys.ClusterState.NEW
            ? raftNode.startGroup(GROUP, members, sm)
            : raftNode.joinGroup(GROUP, members, sm);

    Headers headers = new Headers(clusterId, selfId, raft::term);
    Proposals proposals = new Proposals(raft, settings.maxRequestBytes(), executor);
    Reads reads = new Reads(raft);
    hub = new WatchHub(store, headers::header, settings.maxRequestBytes(), Duration.ofMinutes(10));
    lessor =
        new Lessor(
            store,
            new RaftLeaseProposer(proposals),
            selfId,
            () -> raft.isLeader(),
            System::nanoTime,
            settings.minLeaseTtlSeconds(),
            true);
    String peerCa = settings.peerTls() == null ? "" : settings.peerTls().trustedCaFile();
    forwarder = new LeaderForwarder(raft, tls == null ? null : clientTls.forwardingContext(peerCa, policy.cipherSuites()));
    compactor = AutoCompactor.start(settings, store, proposals, raft::isLeader);
    AuthGuard guard = new AuthGuard(
            store, settings.authTokenTtl().toMillis(), System::currentTimeMillis, clientTls.clientCertAuth(), jwt);
    cluster = new ClusterService(raft, store, proposals, headers, settings.clusterToken(), guard).start();
    kvMetrics.register(store, raft, proposals);

    AuthService auth = new AuthService(store, guard, proposals, headers, executor);
    KvService kv = new KvService(store, proposals, reads, headers, settings.maxTxnOps(), guard);
    WatchService watch = new WatchService(hub, executor, guard);
    LeaseService lease = new LeaseService(store, lessor, proposals, headers, forwarder, guard);
    MaintenanceService maintenance =
        new MaintenanceService(store, raft, proposals, headers, executor, dir.resolve("tmp"), guard);
    LockService lock = new LockService(kv, lease, hub, executor);
    ElectionService election = new ElectionService(kv, lease, hub, executor);
    GrpcCounters.skipAccessChecks();
    long maxMessage = Math.min(Integer.MAX_VALUE, settings.maxRequestBytes() + GRPC_OVERHEAD_BYTES);
    Gateway gateway =
        new Gateway(kv, watch, lease, cluster, maintenance, auth, lock, election,
            () -> raft.leader().isPresent() && store.alarms().isEmpty(), metrics.registry(), maxMessage);
    for (String url : settings.listenClientUrls()) {
      HostPort at = Urls.listen(url);
      Server server =
          NettyServerBuilder.forAddress(at.toSocketAddress())
              .protocolNegotiator(gateway.portSharing(Urls.isHttps(url) ? tls : null))
              // HTTP/1.1 gateway connections never finish gRPC's handshake; PortSharing bounds
              // how long a connection may stay silent instead.
              .handshakeTimeout(Long.MAX_VALUE, TimeUnit.NANOSECONDS)
              .executor(DirectCalls.DIRECT)
              .callExecutor(DirectCalls.supplier(executor))
              .maxInboundMessageSize((int) maxMessage)
              .permitKeepAliveTime(5, TimeUnit.SECONDS)
              .permitKeepAliveWithoutCalls(true)
              // added first, so it runs last: its refusals close the call through the metrics' wrapper
              .intercept(new LearnerGuard(raft::isLearner))
              .intercept(guard.interceptor())
              .intercept(kvMetrics.grpcInterceptor())
              .addService(kv)
              .addService(watch)
              .addService(lease.definition())
              .addService(cluster)
              .addService(maintenance)
              .addService(auth)
              .addService(lock)
              .addService(election)
              .build();
      try {
        server.start();
      } catch (IOException e) {
        if (e.getCause() instanceof BindException || e instanceof BindException) {
          throw new BindException("cannot listen on " + at + " for kv clients: " + rootMessage(e));
        }
        throw e;
      }
      servers.add(server);
    }
    publisher = new MemberPublisher(raft, settings.self().toRaft(), selfHex, stopProcess);
    publisher.start();
    log.info("kv member {} ({}) of cluster {} started", settings.self().name(), selfHex, Members.hex(clusterId));
  }

  private static List<String> listenHosts(List<String> urls) {
    return urls.stream().map(u -> Urls.listen(u).host()).toList();
  }

  private boolean needsTls() {
    return settings.listenClientUrls().stream().anyMatch(Urls::isHttps);
  }

  /** This member as the Raft server binds it: the listen address, not the advertised one. */
  private static io.cairn.raft.RaftMember listenAs(io.cairn.raft.RaftMember m, HostPort listen) {
    return new io.cairn.raft.RaftMember(m.id(), listen.toString(), m.clientAddress());
  }

  private static String rootMessage(Throwable t) {
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  @Override
  public boolean isReady() {
    RaftGroupHandle r = raft;
    return r != null && !servers.isEmpty() && r.leader().isPresent();
  }

  @Override
  public List<Endpoint> endpoints() {
    List<Endpoint> out = new ArrayList<>();
    for (int i = 0; i < servers.size(); i++) {
      String url = settings.listenClientUrls().get(i);
      HostPort at = Urls.listen(url);
      out.add(
          new Endpoint("kv", (Urls.isHttps(url) ? "https://" : "http://") + at.host() + ":" + servers.get(i).getPort(), "etcd v3 gRPC API and JSON gateway"));
    }
    if (raftNode != null) {
      HostPort peer = Urls.listen(settings.listenPeerUrl());
      String scheme = Urls.isHttps(settings.listenPeerUrl()) ? "https://" : "http://";
      out.add(new Endpoint("kv-peer", scheme + peer.host() + ":" + raftNode.peerPort(), "Raft peers"));
    }
    return out;
  }

  /** Whether this member leads its Raft group now. */
  public boolean isLeader() {
    RaftGroupHandle r = raft;
    return r != null && r.isLeader();
  }

  /** The bound client port of the first client URL (tests listen on port 0). */
  public int clientPort() {
    return servers.get(0).getPort();
  }

  @Override
  public void stop() {
    for (Server s : servers) {
      s.shutdownNow();
    }
    for (Server s : servers) {
      try {
        s.awaitTermination(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    servers.clear();
    closeQuietly(publisher);
    closeQuietly(compactor);
    closeQuietly(cluster);
    closeQuietly(forwarder);
    closeQuietly(lessor);
    closeQuietly(hub);
    closeQuietly(raftNode);
    closeQuietly(store);
    if (executor != null) {
      executor.shutdownNow();
    }
    publisher = null;
    compactor = null;
    cluster = null;
    forwarder = null;
    lessor = null;
    hub = null;
    raftNode = null;
    raft = null;
    store = null;
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (Exception e) {
      log.warn("closing {} failed", c.getClass().getSimpleName(), e);
    }
  }
}
