package io.cairn.server.kv;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** put and get with every flag etcd's KV e2e tests and the etcdctl manual use. */
final class KvScenarios {
  private KvScenarios() {}

  static final List<Scenario> ALL =
      List.of(
          Scenario.shared("put then get").source(Sources.KV)
              .run("put", "basic/foo", "bar").out("OK")
              .run("get", "basic/foo").out("basic/foo", "bar")
              .run("get", "basic/foo", "--consistency=s").out("basic/foo", "bar")
              .run("get", "basic/missing").empty()
              .run("put", "basic/spaces", "bar1 2 3").out("OK")
              .run("get", "basic/spaces", "--print-value-only").out("bar1 2 3")
              .build(),
          Scenario.shared("get a key, a prefix, a range and a limit").source(Sources.KV)
              .run("put", "range/key1", "val1").out("OK")
              .run("put", "range/key2", "val2").out("OK")
              .run("put", "range/key3", "val3").out("OK")
              .run("get", "range/key1").out("range/key1", "val1").absent("range/key2")
              .run("get", "range/key", "--prefix")
              .out("range/key1", "val1", "range/key2", "val2", "range/key3", "val3")
              .run("get", "range/key", "--prefix", "--limit=2")
              .out("range/key1", "range/key2").absent("range/key3")
              .run("get", "range/key1", "range/key3")
              .out("range/key1", "val1", "range/key2", "val2").absent("range/key3")
              .run("get", "range/key", "--prefix", "--limit=1", "-w", "json").out("\"more\":true,\"count\":3")
              .build(),
          Scenario.shared("get sorted by every target, both orders").source(Sources.KV)
              .run("put", "sort/key1", "val3").out("OK")
              .run("put", "sort/key2", "val2").out("OK")
              .run("put", "sort/key3", "val1").out("OK")
              .run("get", "sort/key", "--prefix", "--order=ASCEND", "--sort-by=MODIFY")
              .out("sort/key1", "sort/key2", "sort/key3")
              .run("get", "sort/key", "--prefix", "--sort-by=VERSION").out("sort/key1", "sort/key2", "sort/key3")
              .run("get", "sort/key", "--prefix", "--sort-by=CREATE").out("sort/key1", "sort/key2", "sort/key3")
              .run("get", "sort/key", "--prefix", "--order=DESCEND", "--sort-by=CREATE")
              .out("sort/key3", "sort/key2", "sort/key1")
              .run("get", "sort/key", "--prefix", "--order=DESCEND", "--sort-by=KEY")
              .out("sort/key3", "sort/key2", "sort/key1")
              .run("get", "sort/key", "--prefix", "--sort-by=VALUE").out("sort/key3", "sort/key2", "sort/key1")
              .run("get", "sort/key", "--prefix", "--order=DESCEND", "--limit=2")
              .out("sort/key3", "sort/key2").absent("sort/key1")
              .build(),
          Scenario.shared("get output formats: simple, value only, keys only, json, fields, hex").source(Sources.KV)
              .run("put", "fmt/abc", "123").out("OK")
              .run("get", "-w", "simple", "fmt/abc").out("fmt/abc", "123")
              .run("get", "fmt/abc", "--print-value-only").out("123").absent("fmt/abc")
              .run("get", "fmt/abc", "-w", "json").out("\"kvs\":[{\"key\":\"" + base64("fmt/abc") + "\"")
              .run("get", "--keys-only", "fmt/abc").out("fmt/abc").absent("123")
              .run("get", "fmt/abc", "-w", "fields").out("\"Key\" : \"fmt/abc\"", "\"Value\" : \"123\"")
              .run("get", "fmt/abc", "--hex").out("\\x66\\x6d\\x74\\x2f\\x61\\x62\\x63", "\\x31\\x32\\x33")
              .run("get", "fmt/missing", "-w", "json").out("\"header\":").absent("\"kvs\"")
              .run("put", "fmt/abc", "456", "-w", "json").out("\"header\":")
              .build(),
          Scenario.fresh("a fresh store starts at revision 1; get --rev reads history").source(Sources.KV)
              .run("get", "key", "-w", "json").out("\"revision\":1")
              .run("put", "key", "val1").out("OK")
              .run("put", "key", "val2").out("OK")
              .run("put", "key", "val3").out("OK")
              .run("get", "key", "--rev", "2").out("key", "val1")
              .run("get", "key", "--rev", "3").out("key", "val2")
              .run("get", "key", "--rev", "4").out("key", "val3")
              .run("get", "key", "--rev", "1").empty()
              .run("get", "key", "-w", "json").out("\"create_revision\":2,\"mod_revision\":4,\"version\":3")
              .build(),
          Scenario.fresh("get the whole keyspace with an empty key").source(Sources.KV)
              .run("put", "key1", "val1").out("OK")
              .run("put", "key2", "val2").out("OK")
              .run("put", "key3", "val3").out("OK")
              .run("get", "", "--prefix").out("key1", "val1", "key2", "val2", "key3", "val3")
              .run("get", "", "--from-key").out("key1", "val1", "key2", "val2", "key3", "val3")
              .run("get", "key", "--prefix").out("key1", "val1", "key2", "val2", "key3", "val3")
              .run("get", "--from-key", "key2").out("key2", "val2", "key3", "val3").absent("key1")
              .build(),
          Scenario.shared("put --prev-kv prints the previous key and value").source(Sources.MANUAL_PUT)
              .run("put", "prev/foo", "bar").out("OK")
              .run("put", "prev/foo", "bar1", "--prev-kv").out("OK", "prev/foo", "bar")
              .run("get", "prev/foo").out("prev/foo", "bar1")
              .run("put", "prev/new", "x", "--prev-kv").out("OK").absent("prev/new")
              .build(),
          Scenario.shared("put --ignore-value keeps the value and detaches the lease").source(Sources.MANUAL_PUT)
              .run("lease", "grant", "100").capture("lease", "lease ([0-9a-f]+) granted")
              .run("put", "ignval/foo", "bar", "--lease={lease}").out("OK")
              .run("put", "ignval/foo", "--ignore-value").out("OK")
              .run("get", "ignval/foo").out("ignval/foo", "bar")
              .run("lease", "timetolive", "{lease}", "--keys").out("attached keys([])")
              .run("lease", "revoke", "{lease}").out("lease {lease} revoked")
              .run("get", "ignval/foo").out("ignval/foo", "bar")
              .run("put", "ignval/missing", "--ignore-value").error("etcdserver: key not found")
              .build(),
          Scenario.shared("put --ignore-lease keeps the lease").source(Sources.MANUAL_PUT)
              .run("lease", "grant", "100").capture("lease", "lease ([0-9a-f]+) granted")
              .run("put", "ignlease/foo", "bar", "--lease={lease}").out("OK")
              .run("put", "ignlease/foo", "bar1", "--ignore-lease").out("OK")
              .run("get", "ignlease/foo").out("ignlease/foo", "bar1")
              .run("lease", "timetolive", "{lease}", "--keys").out("attached keys([ignlease/foo])")
              .run("lease", "revoke", "{lease}").out("lease {lease} revoked")
              .run("get", "ignlease/foo").empty()
              .run("put", "ignlease/missing", "x", "--ignore-lease").error("etcdserver: key not found")
              .build());

  static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
