package io.cairn.kv.api;

import com.google.protobuf.ByteString;
import io.etcd.jetcd.api.Event;
import io.etcd.jetcd.api.KeyValue;
import io.etcd.jetcd.api.LeaderResponse;
import io.etcd.jetcd.api.RangeResponse;
import io.etcd.jetcd.api.ResponseHeader;
import io.etcd.jetcd.api.WatchCreateRequest;
import io.etcd.jetcd.api.WatchResponse;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One Observe stream of the election service, as etcd's {@code Election.observe}: the current
 * leader (or, while there is none, the first candidate to appear), then each new value the leader
 * proclaims, until its key is deleted; then the next leader, and so on. Runs on one virtual thread
 * until the client cancels. It sends only while the stream is ready (the client reads), so a slow
 * client holds at most {@link LocalWatch#MAX_BUFFERED} watch responses here. As etcd's server, a
 * failing read or watch ends the stream without an error status.
 */
final class ElectionObserver {
  private final ByteString prefix;
  private final ServerCallStreamObserver<LeaderResponse> call;
  private final LocalClient client;
  private final Object ready = new Object();
  private final AtomicReference<Thread> thread = new AtomicReference<>();
  private volatile boolean cancelled;

  ElectionObserver(ByteString name, ServerCallStreamObserver<LeaderResponse> call, LocalClient client) {
    this.prefix = Concurrency.prefix(name);
    this.call = call;
    this.client = client;
  }

  /** Sets the stream's handlers (before the service method returns, as gRPC requires) and starts. */
  void start(Executor executor) {
    call.setOnCancelHandler(
        () -> {
          cancelled = true;
          Thread t = thread.get();
          if (t != null) {
            t.interrupt();
          }
        });
    call.setOnReadyHandler(
        () -> {
          synchronized (ready) {
            ready.notifyAll();
          }
        });
    executor.execute(this::run);
  }

  private void run() {
    thread.set(Thread.currentThread());
    try {
      while (!cancelled) {
        observeOneLeader();
      }
    } catch (InterruptedException e) {
      return; // cancelled: the call is over
    } catch (StatusRuntimeException e) {
      if (!cancelled) {
        call.onCompleted(); // etcd closes the observe channel on errors and returns nil
      }
    } catch (RuntimeException e) {
      if (!cancelled) {
        call.onError(GrpcErrors.of(e)); // a bug: logged there, and the client is told
      }
    }
  }

  private void observeOneLeader() throws InterruptedException {
    RangeResponse first = client.range(Concurrency.firstCreated(prefix));
    ResponseHeader header;
    KeyValue kv;
    if (first.getKvsCount() > 0) {
      header = first.getHeader();
      kv = first.getKvs(0);
    } else {
      WatchCreateRequest anyPut =
          WatchCreateRequest.newBuilder()
              .setKey(prefix)
              .setRangeEnd(Concurrency.prefixEnd(prefix))
              .setStartRevision(first.getHeader().getRevision())
              .build();
      try (LocalWatch w = client.watch(anyPut)) {
        while (true) {
          WatchResponse wr = w.next();
          Event put = wr.getEventsList().stream().filter(e -> e.getType() == Event.EventType.PUT).findFirst().orElse(null);
          if (put != null) {
            kv = put.getKv();
            header = wr.getHeader().toBuilder().setRevision(kv.getModRevision()).build();
            break;
          }
        }
      }
    }
    send(header, kv);
    WatchCreateRequest leaderKey =
        WatchCreateRequest.newBuilder().setKey(kv.getKey()).setStartRevision(header.getRevision() + 1).build();
    try (LocalWatch w = client.watch(leaderKey)) {
      while (true) {
        WatchResponse wr = w.next();
        for (Event e : wr.getEventsList()) {
          if (e.getType() == Event.EventType.DELETE) {
            return;
          }
          send(wr.getHeader(), e.getKv());
        }
      }
    }
  }

  private void send(ResponseHeader header, KeyValue kv) throws InterruptedException {
    synchronized (ready) {
      while (!call.isReady()) {
        if (cancelled) {
          throw new InterruptedException();
        }
        ready.wait(1000);
      }
    }
    if (cancelled) {
      throw new InterruptedException();
    }
    call.onNext(LeaderResponse.newBuilder().setHeader(header).setKv(kv).build());
  }
}
