package io.cairn.kv.lincheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.kv.lincheck.LinearizabilityChecker.Verdict;
import io.cairn.kv.lincheck.Operation.Get;
import io.cairn.kv.lincheck.Operation.Read;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The checker on simulated histories larger than the cluster test's (6 clients, 3 keys, 3000
 * operations, 4% or 10% with unknown outcome): it must accept them, and reject them once a single
 * read late in the history is altered, each in about a second (the budget is generous for a loaded
 * machine). Rejecting is the expensive case: the search must exhaust every alternative first.
 */
class LinearizabilityCheckerScaleTest {
  private static final Duration BUDGET = Duration.ofSeconds(20);

  @Test
  void acceptsLargeLinearizableHistories() {
    for (long seed = 1; seed <= 5; seed++) {
      List<Operation> history = SimulatedHistory.generate(seed, 6, 3, 500, 0.04);
      var result = LinearizabilityChecker.check(history, BUDGET);
      assertThat(result.verdict()).as("seed %d: %s", seed, result.explanation()).isEqualTo(Verdict.LINEARIZABLE);
    }
  }

  @Test
  void rejectsLargeHistoriesWithOneImpossibleRead() {
    for (long seed = 1; seed <= 3; seed++) {
      rejectsWithOneImpossibleRead(seed);
    }
  }

  private static void rejectsWithOneImpossibleRead(long seed) {
    List<Operation> history = new ArrayList<>(SimulatedHistory.generate(seed, 6, 3, 500, 0.1));
    int victim = history.size() * 4 / 5;
    while (!(history.get(victim).input() instanceof Get) || history.get(victim).unknown()) {
      victim++;
    }
    Operation read = history.get(victim);
    history.set(victim, new Operation(read.client(), read.key(), read.input(), new Read("never-written"),
        read.invoked(), read.returned()));
    var result = LinearizabilityChecker.check(history, BUDGET);
    assertThat(result.verdict()).as("seed %d: %s", seed, result.explanation()).isEqualTo(Verdict.NOT_LINEARIZABLE);
    assertThat(result.explanation()).contains("never-written");
  }
}
