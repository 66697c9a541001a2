package io.cairn.server.kv;

import java.util.List;

/** del: single keys, prefixes, ranges, --from-key, --prev-kv, and the whole keyspace. */
final class DeleteScenarios {
  private DeleteScenarios() {}

  static final List<Scenario> ALL =
      List.of(
          Scenario.shared("del a missing key prints 0, an existing one 1").source(Sources.KV)
              .run("put", "del1/this", "value").out("OK")
              .run("del", "del1/that").out("0")
              .run("put", "del1/sample", "value").out("OK")
              .run("del", "del1/sample").out("1")
              .run("get", "del1/sample").empty()
              .run("get", "del1/this").out("del1/this", "value")
              .build(),
          Scenario.shared("del --prefix").source(Sources.KV)
              .run("put", "del2/key1", "val1").out("OK")
              .run("put", "del2/key2", "val2").out("OK")
              .run("put", "del2/key3", "val3").out("OK")
              .run("put", "del2/other", "x").out("OK")
              .run("del", "del2/key", "--prefix").out("3")
              .run("get", "del2/", "--prefix").out("del2/other").absent("del2/key")
              .build(),
          Scenario.shared("del --prev-kv prints what it deleted").source(Sources.MANUAL_DEL)
              .run("put", "del3/key", "val").out("OK")
              .run("del", "--prev-kv", "del3/key").out("1", "del3/key", "val")
              .run("get", "del3/key").empty()
              .run("del", "--prev-kv", "del3/key").out("0").absent("del3/key")
              .build(),
          Scenario.shared("del a range [key, range_end)").source(Sources.MANUAL_DEL)
              .run("put", "del4/a", "123").out("OK")
              .run("put", "del4/b", "456").out("OK")
              .run("put", "del4/z", "789").out("OK")
              .run("del", "del4/a", "del4/z").out("2")
              .run("get", "del4/", "--prefix").out("del4/z", "789").absent("del4/a", "del4/b")
              .build(),
          Scenario.shared("del --prefix on the manual's zoo keys").source(Sources.MANUAL_DEL)
              .run("put", "del5/zoo", "val").out("OK")
              .run("put", "del5/zoo1", "val1").out("OK")
              .run("put", "del5/zoo2", "val2").out("OK")
              .run("del", "--prefix", "del5/zoo").out("3")
              .run("get", "del5/zoo2").empty()
              .run("del", "del5/x", "-w", "json").out("\"header\":").absent("\"deleted\"")
              .build(),
          Scenario.fresh("del the whole keyspace: empty key with --prefix, --from-key").source(Sources.KV)
              .run("put", "foo1", "bar1").out("OK")
              .run("put", "foo2", "bar2").out("OK")
              .run("put", "foo3", "bar3").out("OK")
              .run("del", "", "--prefix").out("3")
              .run("get", "", "--prefix").empty()
              .run("put", "foo1", "bar1").out("OK")
              .run("put", "foo2", "bar2").out("OK")
              .run("put", "foo3", "bar3").out("OK")
              .run("del", "", "--from-key").out("3")
              .run("put", "zoo1", "bar1").out("OK")
              .run("put", "zoo2", "bar2").out("OK")
              .run("put", "zoo3", "bar3").out("OK")
              .run("put", "abc", "x").out("OK")
              .run("del", "zoo1", "--from-key").out("3")
              .run("get", "", "--prefix").out("abc", "x").absent("zoo")
              .run("del", "--prev-kv", "--from-key", "a", "-w", "json").out("\"deleted\":1", "\"prev_kvs\":[")
              .build());
}
