package io.cairn.kv.server;

import io.cairn.kv.api.Proposals;
import io.cairn.kv.store.KvStore;
import io.cairn.raft.RaftGroupHandle;
import io.etcd.jetcd.api.RangeRequest;
import io.grpc.ForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

/**
 * kv's metrics under etcd's names, so etcd dashboards work: server and Raft state, MVCC size and
 * keys, and go-grpc-prometheus' request counters. Values are read from the live objects at scrape
 * time. (etcd exports proposals_committed_total and debugging_mvcc_keys_total as gauges;
 * client_java reserves the _total suffix for counters, so cairn exports them as counters.)
 */
final class KvMetrics {
  private static final com.google.protobuf.ByteString ZERO = com.google.protobuf.ByteString.copyFrom(new byte[] {0});

  private final PrometheusRegistry registry;
  private final LongAdder leaderChanges = new LongAdder();
  private final Counter started;
  private final Counter handled;
  private final Histogram walFsync;

  KvMetrics(PrometheusRegistry registry) {
    this.registry = registry;
    started =
        Counter.builder()
            .name("grpc_server_started_total")
            .help("Total number of RPCs started on the server.")
            .labelNames("grpc_type", "grpc_service", "grpc_method")
            .register(registry);
    handled =
        Counter.builder()
            .name("grpc_server_handled_total")
            .help("Total number of RPCs completed on the server, regardless of success or failure.")
            .labelNames("grpc_type", "grpc_service", "grpc_method", "grpc_code")
            .register(registry);
    walFsync =
        Histogram.builder()
            .name("etcd_disk_wal_fsync_duration_seconds")
            .help("The latency distributions of fsync called by WAL.")
            .classicOnly()
            .classicExponentialUpperBounds(0.001, 2, 14)
            .register(registry);
  }

  /** etcd's WAL fsync latency: the fsyncs of the Raft log, with etcd's buckets (1 ms to 8.192 s). */
  void walFsynced(long nanos) {
    walFsync.observe(nanos / 1e9);
  }

  void leaderChanged() {
    leaderChanges.increment();
  }

  void register(KvStore store, RaftGroupHandle raft, Proposals proposals) {
    GaugeWithCallback.builder()
        .name("etcd_server_has_leader")
        .help("Whether or not a leader exists. 1 is existence, 0 is not.")
        .callback(cb -> cb.call(raft.leader().isPresent() ? 1 : 0))
        .register(registry);
    GaugeWithCallback.builder()
        .name("etcd_server_is_leader")
        .help("Whether or not this member is a leader. 1 if is, 0 otherwise.")
        .callback(cb -> cb.call(raft.isLeader() ? 1 : 0))
        .register(registry);
    CounterWithCallback.builder()
        .name("etcd_server_leader_changes_seen_total")
        .help("The number of leader changes seen.")
        .callback(cb -> cb.call(leaderChanges.sum()))
        .register(registry);
    CounterWithCallback.builder()
        .name("etcd_server_proposals_committed_total")
        .help("The total number of consensus proposals committed.")
        .callback(cb -> cb.call(raft.commitIndex()))
        .register(registry);
    CounterWithCallback.builder()
        .name("etcd_server_proposals_applied_total")
        .help("The total number of consensus proposals applied.")
        .callback(cb -> cb.call(raft.appliedIndex()))
        .register(registry);
    CounterWithCallback.builder()
        .name("etcd_server_proposals_failed_total")
        .help("The total number of failed proposals seen.")
        .callback(cb -> cb.call(proposals.failed()))
        .register(registry);
    GaugeWithCallback.builder()
        .name("etcd_mvcc_db_total_size_in_bytes")
        .help("Total size of the underlying database physically allocated in bytes.")
        .callback(cb -> cb.call(store.sizeBytes()))
        .register(registry);
    GaugeWithCallback.builder()
        .name("etcd_mvcc_db_total_size_in_use_in_bytes")
        .help("Total size of the underlying database logically in use in bytes.")
        .callback(cb -> cb.call(store.sizeInUseBytes()))
        .register(registry);
    GaugeWithCallback.builder()
        .name("etcd_debugging_mvcc_current_revision")
        .help("The current revision of store.")
        .callback(cb -> cb.call(store.revision()))
        .register(registry);
    GaugeWithCallback.builder()
        .name("etcd_debugging_mvcc_compact_revision")
        .help("The revision of the last compaction in store.")
        .callback(cb -> cb.call(store.compactRevision()))
        .register(registry);
    CounterWithCallback.builder() // a gauge in etcd; see the class comment
        .name("etcd_debugging_mvcc_keys_total")
        .help("Total number of keys.")
        .callback(cb -> cb.call(keyCount(store)))
        .register(registry);
  }

  private static long keyCount(KvStore store) {
    try {
      return store.range(RangeRequest.newBuilder().setKey(ZERO).setRangeEnd(ZERO).setCountOnly(true).build())
          .getCount();
    } catch (Exception e) {
      return 0;
    }
  }

  ServerInterceptor grpcInterceptor() {
    return new ServerInterceptor() {
      @Override
      public <Q, R> ServerCall.Listener<Q> interceptCall(
          ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        var method = call.getMethodDescriptor();
        String type = type(method.getType());
        String service = method.getServiceName();
        String name = method.getBareMethodName();
        started.labelValues(type, service, name).inc();
        return next.startCall(
            new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
              @Override
              public void close(Status status, Metadata trailers) {
                handled.labelValues(type, service, name, goCodeName(status.getCode())).inc();
                super.close(status, trailers);
              }
            },
            headers);
      }
    };
  }

  /** The code as Go's grpc prints it, which go-grpc-prometheus (and so etcd's dashboards) use. */
  static String goCodeName(Status.Code code) {
    return switch (code) {
      case OK -> "OK";
      case CANCELLED -> "Canceled";
      default -> {
        StringBuilder b = new StringBuilder();
        for (String part : code.name().split("_")) {
          b.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
        }
        yield b.toString();
      }
    };
  }

  private static String type(io.grpc.MethodDescriptor.MethodType t) {
    return switch (t) {
      case UNARY -> "unary";
      case CLIENT_STREAMING -> "client_stream";
      case SERVER_STREAMING -> "server_stream";
      case BIDI_STREAMING -> "bidi_stream";
      default -> t.name().toLowerCase(Locale.ROOT);
    };
  }
}
