package io.cairn.kv.lincheck;

import io.cairn.kv.lincheck.Operation.Cas;
import io.cairn.kv.lincheck.Operation.Get;
import io.cairn.kv.lincheck.Operation.Input;
import io.cairn.kv.lincheck.Operation.Output;
import io.cairn.kv.lincheck.Operation.Put;
import io.cairn.kv.lincheck.Operation.Read;
import io.cairn.kv.lincheck.Operation.Swapped;
import io.cairn.kv.lincheck.Operation.Written;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Linearizable histories by construction, for testing the checker at the size the cluster test
 * produces: clients run operations one after another, each takes effect on an atomic register at a
 * random instant inside its interval, and its output is what the register gave then. Some operations
 * lose their outcome (as if the client timed out); of those, some never take effect.
 */
final class SimulatedHistory {
  private SimulatedHistory() {}

  private record Slot(int client, String key, long invoked, long effect, long returned, double kind, double fate) {}

  static List<Operation> generate(long seed, int clients, int keys, int opsPerClient, double lostFraction) {
    Random random = new Random(seed);
    List<Slot> slots = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      long t = random.nextInt(10);
      for (int i = 0; i < opsPerClient; i++) {
        long duration = 1 + random.nextInt(30);
        long effect = t + random.nextLong(duration + 1);
        slots.add(new Slot(c, "k" + random.nextInt(keys), t, effect, t + duration, random.nextDouble(),
            random.nextDouble()));
        t += duration + random.nextInt(5);
      }
    }
    slots.sort(Comparator.comparingLong(Slot::effect));
    Map<String, String> register = new HashMap<>();
    Map<String, List<String>> written = new HashMap<>();
    List<Operation> out = new ArrayList<>();
    int next = 0;
    for (Slot s : slots) {
      String value = register.get(s.key());
      List<String> old = written.computeIfAbsent(s.key(), k -> new ArrayList<>(List.of("none")));
      String fresh = "v" + next++;
      Input input;
      Output output;
      if (s.kind() < 0.4) {
        input = new Get();
        output = new Read(value);
      } else if (s.kind() < 0.7) {
        input = new Put(fresh);
        output = new Written();
      } else {
        String expected = random.nextBoolean() && value != null ? value : old.get(random.nextInt(old.size()));
        input = new Cas(expected, fresh);
        output = new Swapped(expected.equals(value));
      }
      boolean lost = s.fate() < lostFraction;
      boolean takesEffect = !lost || s.fate() < lostFraction / 2;
      if (takesEffect && (input instanceof Put || output instanceof Swapped sw && sw.succeeded())) {
        register.put(s.key(), fresh);
        old.add(fresh);
      }
      out.add(lost
          ? Operation.unknownOutcome(s.client(), s.key(), input, s.invoked())
          : new Operation(s.client(), s.key(), input, output, s.invoked(), s.returned()));
    }
    return out;
  }
}
