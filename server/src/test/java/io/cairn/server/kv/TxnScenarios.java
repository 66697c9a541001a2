package io.cairn.server.kv;

import java.util.List;

/** txn, interactive and not: compares on value, version, mod, create; success and failure branches. */
final class TxnScenarios {
  private TxnScenarios() {}

  private static final String[] PROMPTS = {
    "compares:", "success requests (get, put, del):", "failure requests (get, put, del):"
  };

  /** The lines typed into {@code txn}: compares, success ops, failure ops, each section ended by an empty line. */
  static String input(List<String> compares, List<String> success, List<String> failure) {
    StringBuilder s = new StringBuilder();
    for (List<String> section : List.of(compares, success, failure)) {
      section.forEach(line -> s.append(line).append('\n'));
      s.append('\n');
    }
    return s.toString();
  }

  static final List<Scenario> ALL =
      List.of(
          Scenario.shared("txn --interactive: value compares, success gets").source(Sources.TXN)
              .run("put", "txn1/key1", "value1").out("OK")
              .run("put", "txn1/key2", "value2").out("OK")
              .run("txn", "--interactive")
              .stdin(input(
                  List.of("value(\"txn1/key1\") != \"value2\"", "value(\"txn1/key2\") != \"value1\""),
                  List.of("get txn1/key1", "get txn1/key2"),
                  List.of()))
              .out(PROMPTS).out("SUCCESS", "txn1/key1", "value1", "txn1/key2", "value2")
              .build(),
          Scenario.shared("txn --interactive: version compares, quoted keys with spaces").source(Sources.TXN)
              .run("put", "txn2/key1", "value1").out("OK")
              .run("put", "txn2/key2", "value2").out("OK")
              .run("txn", "--interactive")
              .stdin(input(
                  List.of("version(\"txn2/key1\") = \"1\"", "version(\"txn2/key2\") = \"1\""),
                  List.of("get txn2/key1", "get txn2/key2", "put \"txn2/key \\\"with\\\" space\" \"value \\x23\""),
                  List.of()))
              .out(PROMPTS).out("SUCCESS", "txn2/key1", "value1", "txn2/key2", "value2", "OK")
              .run("txn", "--interactive")
              .stdin(input(
                  List.of("version(\"txn2/key \\\"with\\\" space\") = \"1\""),
                  List.of("get \"txn2/key \\\"with\\\" space\""),
                  List.of()))
              .out(PROMPTS).out("SUCCESS", "txn2/key \"with\" space", "value #")
              .build(),
          Scenario.shared("txn --interactive: failing compares run the failure branch").source(Sources.TXN)
              .run("put", "txn3/key1", "value1").out("OK")
              .run("txn", "--interactive")
              .stdin(input(List.of("version(\"txn3/key\") < \"0\""), List.of(), List.of("put txn3/key \"fail\"")))
              .out(PROMPTS).out("FAILURE", "OK")
              .run("txn", "--interactive")
              .stdin(input(List.of("value(\"txn3/key1\") != \"value1\""), List.of(), List.of("put txn3/key \"fail\"")))
              .out(PROMPTS).out("FAILURE", "OK")
              .run("get", "txn3/key").out("txn3/key", "fail")
              .build(),
          Scenario.shared("txn from standard input: the manual's mod compare").source(Sources.MANUAL_TXN)
              .run("txn")
              .stdin(input(
                  List.of("mod(\"txn4/key1\") > \"0\""),
                  List.of("put txn4/key1 \"overwrote-key1\""),
                  List.of("put txn4/key1 \"created-key1\"", "put txn4/key2 \"this is\\na multi-line\\nvalue\"")))
              .out("FAILURE", "OK", "OK").absent("compares:")
              .run("get", "txn4/", "--prefix").out("txn4/key1", "created-key1", "txn4/key2", "this is", "value")
              .run("txn")
              .stdin(input(
                  List.of("mod(\"txn4/key1\") > \"0\"", "create(\"txn4/key2\") > \"0\""),
                  List.of("put txn4/key1 \"overwrote-key1\"", "del txn4/key2", "get txn4/key1"),
                  List.of()))
              .out("SUCCESS", "OK", "1", "txn4/key1", "overwrote-key1")
              .run("txn", "-w", "json")
              .stdin(input(List.of("value(\"txn4/key1\") = \"overwrote-key1\""), List.of("get txn4/key1"), List.of()))
              .out("\"succeeded\":true")
              .build());
}
