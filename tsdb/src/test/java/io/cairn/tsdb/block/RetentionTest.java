package io.cairn.tsdb.block;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.tsdb.block.CompactorPlanTest.Fake;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionTest {
  private final Fake a = Fake.of(0, 10, 100);
  private final Fake b = Fake.of(10, 20, 100);
  private final Fake c = Fake.of(20, 30, 100);
  private final Fake d = Fake.of(30, 40, 100);
  private final List<Fake> all = List.of(c, a, d, b);

  @Test
  void disabledRetentionDeletesNothing() {
    assertThat(Retention.select(all, 0, 0)).isEmpty();
    assertThat(Retention.select(List.<Fake>of(), 10, 10)).isEmpty();
  }

  @Test
  void timeRetentionDeletesBlocksEndingTooLongBeforeTheNewest() {
    assertThat(Retention.select(all, 15, 0)).containsExactly(a, b); // 40 - 20 > 15
    assertThat(Retention.select(all, 20, 0)).containsExactly(a); // 40 - 20 is not more than 20
    assertThat(Retention.select(all, 1, 0)).containsExactly(a, b, c); // never the newest
  }

  @Test
  void sizeRetentionDeletesOldestUntilUnderTheLimit() {
    assertThat(Retention.select(all, 0, 250)).containsExactly(a, b);
    assertThat(Retention.select(all, 0, 400)).isEmpty();
    assertThat(Retention.select(all, 0, 250, 100)).containsExactly(a, b, c); // the head counts too
    assertThat(Retention.select(all, 0, 50)).containsExactly(a, b, c, d);
  }

  @Test
  void bothLimitsUnite() {
    assertThat(Retention.select(all, 25, 350)).containsExactly(a);
    assertThat(Retention.select(all, 5, 350)).containsExactly(a, b, c);
  }
}
