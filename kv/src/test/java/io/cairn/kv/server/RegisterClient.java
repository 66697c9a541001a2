package io.cairn.kv.server;

import com.google.protobuf.ByteString;
import io.cairn.kv.lincheck.History;
import io.cairn.kv.lincheck.Operation.Cas;
import io.cairn.kv.lincheck.Operation.Get;
import io.cairn.kv.lincheck.Operation.Input;
import io.cairn.kv.lincheck.Operation.Output;
import io.cairn.kv.lincheck.Operation.Put;
import io.cairn.kv.lincheck.Operation.Read;
import io.cairn.kv.lincheck.Operation.Swapped;
import io.cairn.kv.lincheck.Operation.Written;
import io.etcd.jetcd.api.Compare;
import io.etcd.jetcd.api.KVGrpc;
import io.etcd.jetcd.api.PutRequest;
import io.etcd.jetcd.api.RangeRequest;
import io.etcd.jetcd.api.RangeResponse;
import io.etcd.jetcd.api.RequestOp;
import io.etcd.jetcd.api.TxnRequest;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One client of the linearizability test: puts, linearizable gets and compare-and-swap txns on a
 * few keys, through raw gRPC (no client-side retries), each recorded in a {@link History}. Values
 * are unique ({@code c<client>-<n>}). The client talks to one member and moves to the next after a
 * failure, with an occasional random switch so every member serves some of its requests.
 */
final class RegisterClient implements Runnable {
  static final Duration CALL_DEADLINE = Duration.ofSeconds(2);
  private static final long BACKOFF_MILLIS = 100;

  private final int id;
  private final List<String> keys;
  private final List<ManagedChannel> members;
  private final History history;
  private final BooleanSupplier done;
  private final Random random;
  private final Map<String, String> lastSeen = new HashMap<>();
  private int member;
  private int written;

  RegisterClient(int id, List<String> keys, List<ManagedChannel> members, History history, BooleanSupplier done) {
    this.id = id;
    this.keys = keys;
    this.members = members;
    this.history = history;
    this.done = done;
    this.random = new Random(id);
    this.member = id % members.size();
  }

  @Override
  public void run() {
    while (!done.getAsBoolean()) {
      if (random.nextInt(10) == 0) {
        member = random.nextInt(members.size());
      }
      String key = keys.get(random.nextInt(keys.size()));
      int dice = random.nextInt(10);
      Input input =
          dice < 4 ? new Get()
              : dice < 7 ? new Put(nextValue())
              : new Cas(lastSeen.getOrDefault(key, "none"), nextValue());
      if (!call(key, input)) {
        member = (member + 1) % members.size();
        pause();
      }
    }
  }

  private String nextValue() {
    return "c" + id + "-" + written++;
  }

  /** Sends one request and records it; returns false if its outcome is unknown. */
  private boolean call(String key, Input input) {
    KVGrpc.KVBlockingStub kv =
        KVGrpc.newBlockingStub(members.get(member)).withDeadlineAfter(CALL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    ByteString k = bytes(key);
    long invoked = history.invoke();
    Output output;
    try {
      output =
          switch (input) {
            case Get g -> {
              RangeResponse r = kv.range(RangeRequest.newBuilder().setKey(k).build());
              yield new Read(r.getKvsCount() == 0 ? null : r.getKvs(0).getValue().toStringUtf8());
            }
            case Put p -> {
              kv.put(PutRequest.newBuilder().setKey(k).setValue(bytes(p.value())).build());
              yield new Written();
            }
            case Cas c -> new Swapped(kv.txn(casRequest(k, c)).getSucceeded());
          };
    } catch (StatusRuntimeException e) {
      history.unknown(id, key, input, invoked);
      return false;
    }
    history.returned(id, key, input, output, invoked);
    remember(key, input, output);
    return true;
  }

  private void remember(String key, Input input, Output output) {
    switch (input) {
      case Get g -> {
        String v = ((Read) output).value();
        if (v != null) {
          lastSeen.put(key, v);
        }
      }
      case Put p -> lastSeen.put(key, p.value());
      case Cas c -> {
        if (((Swapped) output).succeeded()) {
          lastSeen.put(key, c.next());
        }
      }
    }
  }

  private static TxnRequest casRequest(ByteString key, Cas cas) {
    return TxnRequest.newBuilder()
        .addCompare(
            Compare.newBuilder()
                .setKey(key)
                .setTarget(Compare.CompareTarget.VALUE)
                .setResult(Compare.CompareResult.EQUAL)
                .setValue(bytes(cas.expected())))
        .addSuccess(RequestOp.newBuilder().setRequestPut(PutRequest.newBuilder().setKey(key).setValue(bytes(cas.next()))))
        .build();
  }

  private static ByteString bytes(String s) {
    return ByteString.copyFrom(s, StandardCharsets.UTF_8);
  }

  private static void pause() {
    try {
      Thread.sleep(BACKOFF_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
