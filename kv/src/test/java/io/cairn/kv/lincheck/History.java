package io.cairn.kv.lincheck;

import io.cairn.kv.lincheck.Operation.Input;
import io.cairn.kv.lincheck.Operation.Output;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Records operations from many client threads. A client takes {@link #invoke()} just before sending
 * a request and calls {@link #returned} with the response, or {@link #unknown} if the call failed
 * or timed out (it may still have taken effect).
 */
public final class History {
  private final ConcurrentLinkedQueue<Operation> ops = new ConcurrentLinkedQueue<>();

  public long invoke() {
    return System.nanoTime();
  }

  public void returned(int client, String key, Input input, Output output, long invoked) {
    ops.add(new Operation(client, key, input, output, invoked, System.nanoTime()));
  }

  public void unknown(int client, String key, Input input, long invoked) {
    ops.add(Operation.unknownOutcome(client, key, input, invoked));
  }

  public int size() {
    return ops.size();
  }

  public List<Operation> operations() {
    return List.copyOf(ops);
  }
}
