package io.cairn.raft;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.ratis.conf.Parameters;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.grpc.GrpcConfigKeys;
import org.apache.ratis.grpc.GrpcTlsConfig;
import org.apache.ratis.protocol.ClientId;
import org.apache.ratis.protocol.GroupManagementRequest;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.apache.ratis.statemachine.StateMachine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This process's Raft node: one Ratis server (gRPC, on {@code config.self().peerAddress()})
 * hosting many groups, each with its own log and state machine under {@code config.dataDir()}.
 *
 * <p>Design: groups are added to the running server with Ratis' group management API; a {@link
 * StateMachine.Registry} maps each group ID to the {@link GroupAdapter} registered just before.
 * The server is built with an empty storage directory so that Ratis does not start the groups it
 * finds on disk by itself (it would need their state machines before cairn provides them); the
 * real data directory is set right after the build, and every group start checks that its storage
 * landed there.
 *
 * <p>Threads: start, startGroup, joinGroup, stopGroup and close are synchronized. Handles are
 * thread-safe. Per group, Ratis runs an apply thread, an election timer and log workers; the node
 * adds a timer thread, a serial event thread (leaderChanged) and virtual threads for callbacks.
 */
public final class RaftNode implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RaftNode.class);
  private static final String BOOT_DIR = ".ratis-boot";

  private final RaftNodeConfig config;
  private final Consumer<RaftProperties> tuning;
  private final RaftMetrics metrics = new RaftMetrics();
  private final Map<RaftGroupId, GroupAdapter> adapters = new ConcurrentHashMap<>();
  private final Map<String, GroupHandle> handles = new ConcurrentHashMap<>();
  private volatile RaftServer server;
  private volatile NodeContext ctx;
  private volatile boolean closed;

  public RaftNode(RaftNodeConfig config) {
    this(config, p -> {});
  }

  /** For tests: {@code tuning} may override Ratis properties (e.g. a tiny log segment size). */
  RaftNode(RaftNodeConfig config, Consumer<RaftProperties> tuning) {
    this.config = config;
    this.tuning = tuning;
  }

  public synchronized void start() throws IOException {
    if (server != null || closed) {
      throw new IllegalStateException("raft node already started or closed");
    }
    Path dataDir = config.dataDir().toAbsolutePath();
    Path boot = dataDir.resolve(BOOT_DIR);
    Files.createDirectories(boot);
    try (Stream<Path> s = Files.list(boot)) {
      if (s.findAny().isPresent()) {
        throw new IOException(boot + " must be empty");
      }
    }
    RaftProperties props = RatisProperties.server(config, boot);
    tuning.accept(props);
    RaftPeerId self = RaftPeerId.valueOf(config.self().id());
    StateMachine.Registry registry = this::stateMachineFor;
    Parameters parameters = new Parameters();
    if (config.peerTls() != null) {
      PeerTls tls = config.peerTls();
      GrpcConfigKeys.TLS.setConf(parameters, new GrpcTlsConfig(tls.keyManager(), tls.trustManager(), tls.mutual()));
    }
    server =
        RaftServer.newBuilder()
            .setServerId(self)
            .setProperties(props)
            .setParameters(parameters)
            .setStateMachineRegistry(registry)
            .build();
    RaftServerConfigKeys.setStorageDir(props, List.of(dataDir.toFile()));
    ClientId clientId = ClientId.randomId();
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().daemon().name("cairn-raft-timer").factory());
    timer.setRemoveOnCancelPolicy(true);
    ctx =
        new NodeContext(
            config,
            server,
            self,
            clientId,
            new AtomicLong(),
            new PeerRpc(clientId, RatisProperties.client(config), parameters),
            timer,
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("cairn-raft-cb-", 0).factory()),
            Executors.newSingleThreadExecutor(
                Thread.ofPlatform().daemon().name("cairn-raft-events").factory()),
            metrics);
    RatisMetricsBridge.onWalFsync(self.toString(), metrics::walFsynced);
    try {
      server.start();
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
    LOG.info("raft node {} listening on port {}", self, peerPort());
  }

  private StateMachine stateMachineFor(RaftGroupId groupId) {
    GroupAdapter a = adapters.get(groupId);
    if (a == null) {
      throw new IllegalStateException("no state machine registered for group " + groupId);
    }
    return a;
  }

  /** The port the Raft server is bound to (useful with port 0). */
  public int peerPort() {
    requireRunning();
    return server.getServerRpc().getInetSocketAddress().getPort();
  }

  /** Counters over all groups of this node. */
  public RaftMetrics metrics() {
    return metrics;
  }

  /**
   * Starts (or restarts from its stored data) a group this member belongs to. {@code
   * initialMembers} is used only when the group has no stored state on this node (bootstrap; it
   * must then include this member); afterwards the stored configuration wins.
   *
   * @throws IOException also when the group has no Raft data here but {@code sm.appliedIndex()} is
   *     positive: its entries would be skipped, so the state machine must be wiped first
   * @throws IllegalStateException if the group is already started on this node
   */
  public RaftGroupHandle startGroup(
      String groupName, List<RaftMember> initialMembers, GroupStateMachine sm) throws IOException {
    return addGroup(groupName, initialMembers, sm, false);
  }

  /**
   * Joins an existing group as a newly added member (etcd's --initial-cluster-state=existing):
   * starts the group locally with no log and a configuration without this member, so it waits
   * for the leader to add it ({@link RaftGroupHandle#addMember}) and catch it up (log or snapshot).
   */
  public RaftGroupHandle joinGroup(
      String groupName, List<RaftMember> currentMembers, GroupStateMachine sm) throws IOException {
    return addGroup(groupName, currentMembers, sm, true);
  }

  private synchronized RaftGroupHandle addGroup(
      String name, List<RaftMember> members, GroupStateMachine sm, boolean joining)
      throws IOException {
    requireRunning();
    if (handles.containsKey(name)) {
      throw new IllegalStateException("group " + name + " is already started");
    }
    RaftGroupId groupId = Peers.groupId(name);
    Path groupDir = config.dataDir().toAbsolutePath().resolve(groupId.getUuid().toString());
    boolean stored = Files.isDirectory(groupDir);
    String self = config.self().id();
    if (!stored && sm.appliedIndex() > 0) {
      throw new IOException("group " + name + " has no Raft state in " + groupDir
          + " but its state machine has applied index " + sm.appliedIndex()
          + "; refusing to start (wipe the state machine or restore the Raft data)");
    }
    if (!stored && !joining && members.stream().noneMatch(m -> m.id().equals(self))) {
      throw new IllegalArgumentException("initial members of " + name + " must include " + self);
    }
    List<RaftPeer> peers =
        Peers.toPeers(joining ? members.stream().filter(m -> !m.id().equals(self)).toList() : members);
    GroupAdapter adapter = new GroupAdapter(name, sm, metrics, ctx.events());
    adapters.put(groupId, adapter);
    try {
      groupManagement(
          GroupManagementRequest.newAdd(
              ctx.clientId(), ctx.self(), ctx.callIds().incrementAndGet(),
              RaftGroup.valueOf(groupId, peers), !stored),
          "start group " + name);
      Path root = server.getDivision(groupId).getRaftStorage().getStorageDir().getRoot().toPath();
      if (!root.toAbsolutePath().startsWith(config.dataDir().toAbsolutePath())) {
        removeGroup(groupId, name);
        throw new IllegalStateException("Ratis put group " + name + " in " + root + ", not under "
            + config.dataDir() + "; this Ratis version is not supported");
      }
    } catch (IOException | RuntimeException e) {
      adapters.remove(groupId);
      throw e;
    }
    GroupHandle handle = new GroupHandle(name, groupId, ctx, adapter);
    handles.put(name, handle);
    LOG.info("group {} ({}) started on {} ({})", name, groupId, self, stored ? "recovered" : "new");
    return handle;
  }

  /** Stops a group on this node, keeping its data; it can be started again later. */
  public synchronized void stopGroup(String groupName) throws IOException {
    requireRunning();
    GroupHandle h = handles.remove(groupName);
    if (h == null) {
      throw new IllegalStateException("group " + groupName + " is not started");
    }
    h.stop();
    removeGroup(Peers.groupId(groupName), groupName);
  }

  private void removeGroup(RaftGroupId groupId, String name) throws IOException {
    try {
      groupManagement(
          GroupManagementRequest.newRemove(
              ctx.clientId(), ctx.self(), ctx.callIds().incrementAndGet(), groupId, false, false),
          "stop group " + name);
    } finally {
      adapters.remove(groupId);
    }
  }

  private void groupManagement(GroupManagementRequest request, String what) throws IOException {
    RaftClientReply reply;
    try {
      reply = server.groupManagementAsync(request).get(
          Math.max(30_000, config.requestTimeout().toMillis()), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(what + " interrupted", e);
    } catch (ExecutionException e) {
      throw new IOException(what + " failed", Calls.unwrap(e));
    } catch (TimeoutException e) {
      throw new IOException(what + " timed out", e);
    }
    if (!reply.isSuccess()) {
      throw new IOException(what + " failed", reply.getException());
    }
  }

  private void requireRunning() {
    if (server == null || closed) {
      throw new IllegalStateException("raft node is not running");
    }
  }

  /** Stops every group and the server; pending calls fail with {@link RaftException.Stopped}. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (ctx != null) {
      RatisMetricsBridge.stopWalFsync(ctx.self().toString());
    }
    handles.values().forEach(GroupHandle::stop);
    handles.clear();
    if (ctx != null) {
      ctx.peerRpc().close();
    }
    if (server != null) {
      try {
        server.close();
      } catch (IOException | RuntimeException e) {
        LOG.warn("closing the Ratis server failed", e);
      }
    }
    if (ctx != null) {
      ctx.timer().shutdownNow();
      ctx.events().shutdown();
      ctx.callbacks().shutdown();
    }
    adapters.clear();
  }
}
