package io.cairn.kv.api;

import io.cairn.kv.store.EtcdError;
import io.cairn.raft.RaftGroupHandle;
import io.cairn.raft.RaftMember;
import io.etcd.jetcd.api.LeaseGrpc;
import io.etcd.jetcd.api.LeaseKeepAliveRequest;
import io.etcd.jetcd.api.LeaseKeepAliveResponse;
import io.etcd.jetcd.api.LeaseTimeToLiveRequest;
import io.etcd.jetcd.api.LeaseTimeToLiveResponse;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.netty.handler.ssl.SslContext;
import io.grpc.stub.StreamObserver;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Sends the lease calls only a leader can answer (keep-alive, time-to-live) to the leader's client
 * URL, as an etcd follower sends them to its leader. One channel per leader address, kept for reuse:
 * cleartext to an {@code http://} URL, TLS with {@code tls} to an {@code https://} one (the JDK's
 * default trust and no client certificate when {@code tls} is null).
 */
public final class LeaderForwarder implements AutoCloseable {
  private static final String NO_REPLY = "leader closed the stream without a reply";

  private final RaftGroupHandle raft;
  private final SslContext tls;
  private final Map<String, ManagedChannel> channels = new ConcurrentHashMap<>();

  public LeaderForwarder(RaftGroupHandle raft) {
    this(raft, null);
  }

  /** @param tls the client TLS towards a leader's https:// client URL; null: the JDK's defaults */
  public LeaderForwarder(RaftGroupHandle raft, SslContext tls) {
    this.raft = raft;
    this.tls = tls;
  }

  private Optional<ManagedChannel> leaderChannel() {
    Optional<RaftMember> leader = raft.leader();
    if (leader.isEmpty()) {
      return Optional.empty();
    }
    var urls = Members.clientUrls(leader.get());
    if (urls.isEmpty()) {
      return Optional.empty(); // the leader has not published its client URLs yet
    }
    URI uri = URI.create(urls.get(0));
    String host = uri.getHost().equals("localhost") ? "127.0.0.1" : uri.getHost();
    boolean https = "https".equalsIgnoreCase(uri.getScheme());
    String target = (https ? "https://" : "http://") + host + ":" + uri.getPort();
    return Optional.of(channels.computeIfAbsent(target, t -> channel(host, uri.getPort(), https)));
  }

  private ManagedChannel channel(String host, int port, boolean https) {
    NettyChannelBuilder b = NettyChannelBuilder.forAddress(host, port);
    if (!https) {
      return b.usePlaintext().build();
    }
    if (tls != null) {
      b.sslContext(tls);
    }
    return b.useTransportSecurity().build();
  }

  CompletableFuture<LeaseTimeToLiveResponse> timeToLive(LeaseTimeToLiveRequest request) {
    Optional<ManagedChannel> ch = leaderChannel();
    if (ch.isEmpty()) {
      return CompletableFuture.failedFuture(EtcdError.NO_LEADER.exception());
    }
    var future = new CompletableFuture<LeaseTimeToLiveResponse>();
    LeaseGrpc.newStub(ch.get())
        .withDeadlineAfter(5, TimeUnit.SECONDS)
        .leaseTimeToLive(request, Calls.completing(future, NO_REPLY));
    return future;
  }

  /** One keep-alive round trip on a short-lived stream to the leader. */
  CompletableFuture<LeaseKeepAliveResponse> keepAlive(LeaseKeepAliveRequest request) {
    Optional<ManagedChannel> ch = leaderChannel();
    if (ch.isEmpty()) {
      return CompletableFuture.failedFuture(EtcdError.NO_LEADER.exception());
    }
    var future = new CompletableFuture<LeaseKeepAliveResponse>();
    StreamObserver<LeaseKeepAliveRequest> out =
        LeaseGrpc.newStub(ch.get()).withDeadlineAfter(5, TimeUnit.SECONDS).leaseKeepAlive(Calls.completing(future, NO_REPLY));
    out.onNext(request);
    future.whenComplete((r, t) -> out.onCompleted());
    return future;
  }

  @Override
  public void close() {
    channels.values().forEach(ManagedChannel::shutdownNow);
  }
}
