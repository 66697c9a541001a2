package io.cairn.common.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GoJsonTest {
  private static String json(String s) {
    StringBuilder sb = new StringBuilder();
    GoJson.appendJson(s, sb);
    return sb.toString();
  }

  @Test
  void plainStringsAreQuotedAsTheyAre() {
    assertEquals("\"http_requests_total\"", json("http_requests_total"));
    assertEquals("\"10.0.0.1:9100 /api/v1/query?x=1\"", json("10.0.0.1:9100 /api/v1/query?x=1"));
    assertEquals("\"\"", json(""));
  }

  @Test
  void escapesAsGo() {
    assertEquals("\"a\\\"b\\\\c\\n\\t\\r\"", json("a\"b\\c\n\t\r"));
    assertEquals("\"\\u003cb\\u003e \\u0026 \\u0001\"", json("<b> & \u0001"));
    assertEquals("\"\\u2028 é 日本 \\ufffd\"", json("\u2028 é 日本 \ud800"));
  }
}
