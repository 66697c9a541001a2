package io.cairn.kv.lincheck;

import static io.cairn.kv.lincheck.LinearizabilityChecker.Verdict.LINEARIZABLE;
import static io.cairn.kv.lincheck.LinearizabilityChecker.Verdict.NOT_LINEARIZABLE;
import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.kv.lincheck.LinearizabilityChecker.Verdict;
import io.cairn.kv.lincheck.Operation.Cas;
import io.cairn.kv.lincheck.Operation.Get;
import io.cairn.kv.lincheck.Operation.Input;
import io.cairn.kv.lincheck.Operation.Put;
import io.cairn.kv.lincheck.Operation.Read;
import io.cairn.kv.lincheck.Operation.Swapped;
import io.cairn.kv.lincheck.Operation.Written;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checker on small hand-made histories whose verdict is known; times are in arbitrary units. */
class LinearizabilityCheckerTest {
  private static final String K = "k";

  static Operation put(String v, long from, long to) {
    return new Operation(0, K, new Put(v), new Written(), from, to);
  }

  static Operation get(String v, long from, long to) {
    return new Operation(0, K, new Get(), new Read(v), from, to);
  }

  static Operation cas(String expected, String next, boolean swapped, long from, long to) {
    return new Operation(0, K, new Cas(expected, next), new Swapped(swapped), from, to);
  }

  /** An operation that failed or timed out: it may or may not have taken effect. */
  static Operation lost(Input input, long from) {
    return Operation.unknownOutcome(0, K, input, from);
  }

  static Verdict verdict(Operation... ops) {
    return LinearizabilityChecker.check(List.of(ops), Duration.ofSeconds(5)).verdict();
  }

  @Test
  void sequentialHistoryFollowingTheModelIs() {
    assertThat(verdict(
        get(null, 0, 1), put("a", 2, 3), get("a", 4, 5), cas("a", "b", true, 6, 7), cas("a", "c", false, 8, 9),
        get("b", 10, 11)))
        .isEqualTo(LINEARIZABLE);
  }

  @Test
  void staleReadIsNot() {
    assertThat(verdict(put("a", 0, 1), put("b", 2, 3), get("a", 4, 5))).isEqualTo(NOT_LINEARIZABLE);
  }

  @Test
  void readOfAValueNeverWrittenIsNot() {
    assertThat(verdict(put("a", 0, 1), get("x", 2, 3))).isEqualTo(NOT_LINEARIZABLE);
  }

  @Test
  void readsDuringAWriteMaySeeEitherValueButNeverGoBack() {
    assertThat(verdict(put("a", 0, 1), put("b", 2, 20), get("a", 3, 4), get("b", 5, 6))).isEqualTo(LINEARIZABLE);
    assertThat(verdict(put("a", 0, 1), put("b", 2, 20), get("b", 3, 4), get("a", 5, 6)))
        .isEqualTo(NOT_LINEARIZABLE);
  }

  @Test
  void overlappingReadsMayBeOrderedEitherWay() {
    // get(b) returned first but overlaps get(a): linearize get(a), put(b), get(b).
    assertThat(verdict(put("a", 0, 1), put("b", 2, 20), get("b", 3, 10), get("a", 4, 11))).isEqualTo(LINEARIZABLE);
  }

  @Test
  void unknownWriteMayTakeEffectLate() {
    assertThat(verdict(put("a", 0, 1), lost(new Put("b"), 2), get("a", 3, 4), get("b", 10, 11)))
        .isEqualTo(LINEARIZABLE);
  }

  @Test
  void unknownWriteMayNeverTakeEffect() {
    assertThat(verdict(put("a", 0, 1), lost(new Put("b"), 2), get("a", 3, 4), get("a", 100, 101)))
        .isEqualTo(LINEARIZABLE);
  }

  @Test
  void unknownWriteSeenOnceCannotBeUndone() {
    assertThat(verdict(put("a", 0, 1), lost(new Put("b"), 2), get("b", 3, 4), get("a", 5, 6)))
        .isEqualTo(NOT_LINEARIZABLE);
  }

  @Test
  void readCannotSeeAWriteInvokedAfterIt() {
    assertThat(verdict(put("a", 0, 1), get("b", 2, 3), lost(new Put("b"), 5))).isEqualTo(NOT_LINEARIZABLE);
  }

  @Test
  void twoSequentialSwapsFromTheSameValueCannotBothSucceed() {
    assertThat(verdict(put("a", 0, 1), cas("a", "b", true, 2, 3), cas("a", "c", true, 4, 5)))
        .isEqualTo(NOT_LINEARIZABLE);
  }

  @Test
  void twoConcurrentSwapsFromTheSameValueCannotBothSucceed() {
    assertThat(verdict(put("a", 0, 1), cas("a", "b", true, 2, 5), cas("a", "c", true, 3, 6)))
        .isEqualTo(NOT_LINEARIZABLE);
    assertThat(verdict(put("a", 0, 1), cas("a", "b", true, 2, 5), cas("a", "c", false, 3, 6), get("b", 7, 8)))
        .isEqualTo(LINEARIZABLE);
  }

  @Test
  void swapThatShouldHaveSucceededButReportsFailureIsNot() {
    assertThat(verdict(put("a", 0, 1), cas("a", "b", false, 2, 3))).isEqualTo(NOT_LINEARIZABLE);
  }

  @Test
  void unknownSwapWritesOnlyIfItsComparisonHolds() {
    assertThat(verdict(put("a", 0, 1), lost(new Cas("a", "b"), 2), get("b", 3, 4))).isEqualTo(LINEARIZABLE);
    assertThat(verdict(put("a", 0, 1), lost(new Cas("x", "b"), 2), get("b", 3, 4))).isEqualTo(NOT_LINEARIZABLE);
  }

  @Test
  void unknownWriteNobodyReadsCanExplainAFailedSwap() {
    assertThat(verdict(put("a", 0, 1), lost(new Put("b"), 2), cas("a", "c", false, 3, 4))).isEqualTo(LINEARIZABLE);
  }

  @Test
  void unknownWriteAndUnknownSwapsCanChain() {
    assertThat(verdict(put("a", 0, 1), lost(new Cas("b", "c"), 2), lost(new Put("b"), 3), get("c", 10, 11)))
        .isEqualTo(LINEARIZABLE);
    assertThat(verdict(put("a", 0, 1), lost(new Cas("a", "b"), 2), lost(new Cas("b", "c"), 3), get("c", 10, 11)))
        .isEqualTo(LINEARIZABLE);
    assertThat(verdict(put("a", 0, 1), lost(new Cas("a", "b"), 2), lost(new Cas("b", "c"), 3), get("b", 10, 11),
        get("c", 12, 13), get("b", 14, 15)))
        .isEqualTo(NOT_LINEARIZABLE);
  }

  @Test
  void unknownReadIsIgnored() {
    assertThat(verdict(put("a", 0, 1), lost(new Get(), 2), get("a", 3, 4))).isEqualTo(LINEARIZABLE);
  }

  @Test
  void keysAreIndependentAndTheFailingOneIsNamed() {
    Operation fine = new Operation(1, "k1", new Put("a"), new Written(), 0, 1);
    Operation fineRead = new Operation(1, "k1", new Get(), new Read("a"), 2, 3);
    Operation otherKey = new Operation(2, "k2", new Get(), new Read("a"), 4, 5); // k2 was never written
    var result = LinearizabilityChecker.check(List.of(fine, fineRead, otherKey), Duration.ofSeconds(5));
    assertThat(result.verdict()).isEqualTo(NOT_LINEARIZABLE);
    assertThat(result.explanation()).startsWith("key k2").contains("c2 k2 get() -> a");
    assertThat(verdict(fine, fineRead)).isEqualTo(LINEARIZABLE);
  }
}
