package io.cairn.server.kv;

import com.google.protobuf.ByteString;
import io.etcd.jetcd.api.KVGrpc;
import io.etcd.jetcd.api.PutRequest;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Write load: a few threads, each putting a new unique key with a unique value per request (raw
 * gRPC, 2 s deadline, no client-side retries) and recording every put the server acknowledged. A
 * writer that gets an error moves to the next member, as etcd clients fail over between endpoints.
 * Unacknowledged puts may or may not have taken effect; only acknowledged ones must survive.
 */
final class AcknowledgedPuts implements AutoCloseable {
  /** A put the server answered, with when it was sent and answered ({@link System#nanoTime()}). */
  record Ack(String key, String value, long sentNanos, long ackedNanos, String member) {}

  private static final long DEADLINE_MILLIS = 2_000;
  private static final long BACKOFF_MILLIS = 50;

  private final List<ChaosMember> members;
  private final String prefix;
  private final ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
  private final AtomicInteger failures = new AtomicInteger();
  private final List<Thread> writers = new ArrayList<>();
  private volatile boolean stopping;

  private AcknowledgedPuts(List<ChaosMember> members, String prefix) {
    this.members = members;
    this.prefix = prefix;
  }

  /** Starts {@code writers} threads putting keys under {@code prefix}. */
  static AcknowledgedPuts start(List<ChaosMember> members, String prefix, int writers) {
    AcknowledgedPuts load = new AcknowledgedPuts(members, prefix);
    for (int w = 0; w < writers; w++) {
      int id = w;
      load.writers.add(Thread.ofPlatform().name("put-writer-" + w).daemon().start(() -> load.write(id)));
    }
    return load;
  }

  private void write(int writer) {
    int member = writer % members.size();
    for (int seq = 0; !stopping; seq++) {
      ChaosMember target = members.get(member);
      String key = String.format("%sw%d/%06d", prefix, writer, seq);
      String value = "value-" + writer + "-" + seq;
      long sent = System.nanoTime();
      try {
        KVGrpc.newBlockingStub(target.channel()).withDeadlineAfter(DEADLINE_MILLIS, TimeUnit.MILLISECONDS)
            .put(PutRequest.newBuilder().setKey(ByteString.copyFromUtf8(key))
                .setValue(ByteString.copyFromUtf8(value)).build());
        acks.add(new Ack(key, value, sent, System.nanoTime(), target.name));
      } catch (StatusRuntimeException e) {
        failures.incrementAndGet();
        member = (member + 1) % members.size();
        try {
          Thread.sleep(BACKOFF_MILLIS);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Stops the writers and waits for them (each is at most one call deadline away from noticing). */
  void stop() throws InterruptedException {
    stopping = true;
    for (Thread t : writers) {
      if (!t.join(java.time.Duration.ofMillis(3 * DEADLINE_MILLIS))) {
        throw new AssertionError(t.getName() + " did not stop");
      }
    }
  }

  /** Stops the writers if a test ends early; they are daemons and each ends within a call deadline. */
  @Override
  public void close() {
    stopping = true;
  }

  int acknowledged() {
    return acks.size();
  }

  /** Acknowledged puts that were sent after {@code nanos}. */
  long acknowledgedSentAfter(long nanos) {
    return acks.stream().filter(a -> a.sentNanos() > nanos).count();
  }

  int failures() {
    return failures.get();
  }

  /** Every acknowledged put, key to value. */
  Map<String, String> acknowledgedPuts() {
    Map<String, String> out = new TreeMap<>();
    acks.forEach(a -> out.put(a.key(), a.value()));
    return out;
  }
}
