package io.cairn.kv.api;

import com.google.protobuf.ByteString;
import io.cairn.kv.snapshot.bbolt.EtcdSnapshotWriter;
import io.cairn.kv.store.EtcdError;
import io.cairn.kv.store.KvCommand;
import io.cairn.kv.store.KvStore;
import io.cairn.raft.RaftGroupHandle;
import io.etcd.jetcd.api.AlarmMember;
import io.etcd.jetcd.api.AlarmRequest;
import io.etcd.jetcd.api.AlarmResponse;
import io.etcd.jetcd.api.AlarmType;
import io.etcd.jetcd.api.DefragmentRequest;
import io.etcd.jetcd.api.DefragmentResponse;
import io.etcd.jetcd.api.HashKVRequest;
import io.etcd.jetcd.api.HashKVResponse;
import io.etcd.jetcd.api.HashRequest;
import io.etcd.jetcd.api.HashResponse;
import io.etcd.jetcd.api.MaintenanceGrpc;
import io.etcd.jetcd.api.MoveLeaderRequest;
import io.etcd.jetcd.api.MoveLeaderResponse;
import io.etcd.jetcd.api.SnapshotRequest;
import io.etcd.jetcd.api.SnapshotResponse;
import io.etcd.jetcd.api.StatusRequest;
import io.etcd.jetcd.api.StatusResponse;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** {@code etcdserverpb.Maintenance}: status, alarms, defragment, hashes, snapshot, move leader. */
public final class MaintenanceService extends MaintenanceGrpc.MaintenanceImplBase {
  /** The version reported by Status: the etcd API level cairn implements. */
  public static final String ETCD_VERSION = "3.4.23";
  static final int SNAPSHOT_CHUNK = 32 * 1024;

  private final KvStore store;
  private final RaftGroupHandle raft;
  private final Proposals proposals;
  private final Headers headers;
  private final Executor executor;
  private final Path scratch;
  private final AuthGuard guard;

  /** @param scratch a directory for temporary snapshot checkpoints */
  public MaintenanceService(
      KvStore store, RaftGroupHandle raft, Proposals proposals, Headers headers, Executor executor, Path scratch,
      AuthGuard guard) {
    this.guard = guard;
    this.store = store;
    this.raft = raft;
    this.proposals = proposals;
    this.headers = headers;
    this.executor = executor;
    this.scratch = scratch;
  }

  @Override
  public void status(StatusRequest request, StreamObserver<StatusResponse> observer) {
    StatusResponse.Builder b =
        StatusResponse.newBuilder()
            .setHeader(headers.header(store.revision()))
            .setVersion(ETCD_VERSION)
            .setDbSize(store.sizeBytes())
            .setDbSizeInUse(store.sizeInUseBytes())
            .setRaftIndex(raft.commitIndex())
            .setRaftTerm(raft.term())
            .setRaftAppliedIndex(raft.appliedIndex())
            .setIsLearner(raft.isLearner());
    raft.leader().ifPresent(l -> b.setLeader(Long.parseUnsignedLong(l.id(), 16)));
    if (raft.leader().isEmpty()) {
      b.addErrors(EtcdError.NO_LEADER.message());
    }
    for (AlarmMember a : alarms()) {
      b.addErrors("memberID:" + a.getMemberID() + " alarm:" + a.getAlarm() + " ");
    }
    observer.onNext(b.build());
    observer.onCompleted();
  }

  @Override
  public void alarm(AlarmRequest request, StreamObserver<AlarmResponse> observer) {
    if (request.getAction() == AlarmRequest.AlarmAction.GET) {
      // etcd 3.4 answers alarm requests without a header (the applier's empty AlarmResponse)
      AlarmResponse.Builder b = AlarmResponse.newBuilder();
      for (AlarmMember a : alarms()) {
        if (request.getAlarm() == AlarmType.NONE || request.getAlarm() == a.getAlarm()) {
          b.addAlarms(a);
        }
      }
      observer.onNext(b.build());
      observer.onCompleted();
      return;
    }
    AlarmRequest proposed = request;
    boolean storeWide =
        request.getAction() == AlarmRequest.AlarmAction.DEACTIVATE
            && AlarmView.heldByStore(store.alarms(), request.getMemberID(), request.getAlarm());
    if (storeWide) {
      proposed = request.toBuilder().setMemberID(0).build();
    }
    Calls.reply(
        observer,
        proposals.propose(new KvCommand.Alarm(proposed), AlarmResponse.class)
            .thenApply(
                r -> {
                  AlarmResponse.Builder b = r.toBuilder().clearHeader();
                  if (storeWide) {
                    for (int i = 0; i < b.getAlarmsCount(); i++) {
                      b.setAlarms(i, b.getAlarms(i).toBuilder().setMemberID(request.getMemberID()));
                    }
                  }
                  return b.build();
                }));
  }

  /** Raised alarms as clients see them; see {@link AlarmView}. */
  private java.util.List<AlarmMember> alarms() {
    return AlarmView.present(
        store.alarms(), raft.members().stream().map(m -> Long.parseUnsignedLong(m.id(), 16)).toList());
  }

  @Override
  public void defragment(DefragmentRequest request, StreamObserver<DefragmentResponse> observer) {
    if (guard.deniedAdmin(observer)) {
      return;
    }
    Calls.reply(
        observer,
        CompletableFuture.supplyAsync(
            () -> {
              try {
                store.defragment();
              } catch (IOException e) {
                throw new java.util.concurrent.CompletionException(e);
              }
              // etcd 3.4 answers an empty DefragmentResponse, without a header
              return DefragmentResponse.getDefaultInstance();
            },
            executor));
  }

  @Override
  public void hash(HashRequest request, StreamObserver<HashResponse> observer) {
    if (guard.deniedAdmin(observer)) {
      return;
    }
    Calls.reply(
        observer,
        () -> {
          var h = store.hashKv(0);
          return CompletableFuture.completedFuture(
              HashResponse.newBuilder().setHeader(headers.header(h.revision())).setHash(h.hash()).build());
        });
  }

  @Override
  public void hashKV(HashKVRequest request, StreamObserver<HashKVResponse> observer) {
    if (guard.deniedAdmin(observer)) {
      return;
    }
    Calls.reply(
        observer,
        () -> {
          var h = store.hashKv(request.getRevision());
          return CompletableFuture.completedFuture(
              HashKVResponse.newBuilder()
                  .setHeader(headers.header(h.revision()))
                  .setHash(h.hash())
                  // etcd reports -1 before the first compaction (its compactMainRev starts at -1)
                  .setCompactRevision(h.compactRevision() == 0 ? -1 : h.compactRevision())
                  .build());
        });
  }

  @Override
  public void moveLeader(MoveLeaderRequest request, StreamObserver<MoveLeaderResponse> observer) {
    if (!raft.isLeader()) {
      observer.onError(GrpcErrors.of(EtcdError.NOT_LEADER));
      return;
    }
    String target = Members.hex(request.getTargetID());
    if (raft.members().stream().noneMatch(m -> m.id().equals(target))) {
      observer.onError(GrpcErrors.of(EtcdError.BAD_LEADER_TRANSFEREE));
      return;
    }
    Calls.reply(
        observer,
        raft.transferLeadership(target)
            .thenApply(v -> MoveLeaderResponse.newBuilder().setHeader(headers.header(store.revision())).build()));
  }

  /**
   * Streams a consistent snapshot as etcd does: the store as an etcd 3.4 bbolt database (made from a
   * checkpoint, see {@code io.cairn.kv.snapshot.bbolt.EtcdSnapshotWriter}) followed by its SHA-256, in
   * 32 KiB chunks, respecting the client's flow control.
   */
  @Override
  public void snapshot(SnapshotRequest request, StreamObserver<SnapshotResponse> observer) {
    if (guard.deniedAdmin(observer)) {
      return;
    }
    var call = (ServerCallStreamObserver<SnapshotResponse>) observer;
    Semaphore ready = new Semaphore(0);
    call.setOnReadyHandler(ready::release);
    executor.execute(
        () -> {
          Path dir = null;
          Path db = null;
          try {
            Files.createDirectories(scratch);
            String name = "snapshot-" + System.nanoTime();
            dir = scratch.resolve(name);
            db = scratch.resolve(name + ".db");
            store.checkpoint(dir);
            var header = headers.header(store.revision());
            long length = EtcdSnapshotWriter.fromCheckpoint(dir, db);
            deleteQuietly(dir);
            try (OutputStream out = new ChunkStream(call, ready, length + EtcdSnapshotWriter.SHA256_BYTES, header)) {
              EtcdSnapshotWriter.send(db, length, out);
            }
            call.onCompleted();
          } catch (Exception e) {
            if (!call.isCancelled()) {
              call.onError(GrpcErrors.of(e instanceof IOException io ? new java.io.UncheckedIOException(io) : e));
            }
          } finally {
            deleteQuietly(dir);
            deleteQuietly(db);
          }
        });
  }

  /** Turns the archive's bytes into SnapshotResponse messages, waiting while the client is not ready. */
  private static final class ChunkStream extends OutputStream {
    private final ServerCallStreamObserver<SnapshotResponse> call;
    private final Semaphore ready;
    private final byte[] buf = new byte[SNAPSHOT_CHUNK];
    private final io.etcd.jetcd.api.ResponseHeader header;
    private int used;
    private long remaining;
    private boolean first = true;

    ChunkStream(
        ServerCallStreamObserver<SnapshotResponse> call, Semaphore ready, long total,
        io.etcd.jetcd.api.ResponseHeader header) {
      this.call = call;
      this.ready = ready;
      this.remaining = total;
      this.header = header;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      while (len > 0) {
        int n = Math.min(len, buf.length - used);
        System.arraycopy(b, off, buf, used, n);
        used += n;
        off += n;
        len -= n;
        if (used == buf.length) {
          send();
        }
      }
    }

    @Override
    public void close() throws IOException {
      if (used > 0) {
        send();
      }
    }

    private void send() throws IOException {
      while (!call.isReady()) {
        if (call.isCancelled()) {
          throw new IOException("client went away during the snapshot");
        }
        try {
          ready.tryAcquire(100, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted");
        }
      }
      remaining -= used;
      SnapshotResponse.Builder r =
          SnapshotResponse.newBuilder().setRemainingBytes(remaining).setBlob(ByteString.copyFrom(buf, 0, used));
      if (first) {
        r.setHeader(header);
        first = false;
      }
      call.onNext(r.build());
      used = 0;
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // scratch space; cleaned at next start
    }
  }
}
