package io.cairn.monitor.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PromJsonFloatTest {
  @Test
  void formatsAsGoDoes() {
    assertEquals("100", PromJson.formatFloat(100.0));
    assertEquals("-3", PromJson.formatFloat(-3.0));
    assertEquals("0.1", PromJson.formatFloat(0.1));
    assertEquals("1234.5", PromJson.formatFloat(1234.5));
    assertEquals("0.001", PromJson.formatFloat(0.001));
    assertEquals("0.0001", PromJson.formatFloat(1e-4));
    assertEquals("12345678.9", PromJson.formatFloat(12345678.9));
    assertEquals("100000000000000000000", PromJson.formatFloat(1e20));
    assertEquals("999999999999999", PromJson.formatFloat(999999999999999.0));
    assertEquals("-0", PromJson.formatFloat(-0.0));
    assertEquals("NaN", PromJson.formatFloat(Double.NaN));
    assertEquals("+Inf", PromJson.formatFloat(Double.POSITIVE_INFINITY));
  }

  @Test
  void fastPathsAgreeWithThePlainDecimalOfTheShortestDigits() {
    SplittableRandom r = new SplittableRandom(7);
    for (int i = 0; i < 200_000; i++) {
      double v = switch (i % 4) {
        case 0 -> Double.longBitsToDouble(r.nextLong());
        case 1 -> r.nextLong(-1_000_000_000_000L, 1_000_000_000_000L);
        case 2 -> r.nextDouble(-1e9, 1e9);
        default -> Math.round(r.nextDouble(0, 1e6)) / 100.0;
      };
      if (!Double.isFinite(v) || v == 0) {
        continue;
      }
      String expected = new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
      assertEquals(expected, PromJson.formatFloat(v), "value " + v);
    }
  }
}
