package io.cairn.server.kv;

import java.util.List;

/**
 * watch over history ({@code --rev}), so that what it prints is deterministic. A watch started
 * before the writes it reports is checked per target in {@link KvWatchIT}.
 */
final class WatchScenarios {
  private WatchScenarios() {}

  static final List<Scenario> ALL =
      List.of(
          Scenario.shared("watch --rev 1 replays a key's history").source(Sources.WATCH)
              .run("put", "watch1/sample", "value").out("OK")
              .stream(3, "watch", "watch1/sample", "--rev", "1").out("PUT", "watch1/sample", "value")
              .build(),
          Scenario.shared("watch --prefix --rev 1").source(Sources.WATCH)
              .run("put", "watch2/key1", "val1").out("OK")
              .run("put", "watch2/key2", "val2").out("OK")
              .run("put", "watch2/key3", "val3").out("OK")
              .stream(9, "watch", "watch2/key", "--rev", "1", "--prefix")
              .out("PUT", "watch2/key1", "val1", "PUT", "watch2/key2", "val2", "PUT", "watch2/key3", "val3")
              .build(),
          Scenario.shared("watch --rev in the middle of a key's history").source(Sources.WATCH)
              .run("put", "watch3/etcd", "revision_1").out("OK")
              .run("put", "watch3/etcd", "revision_2").out("OK")
              .run("put", "watch3/etcd", "revision_3").out("OK")
              .stream(6, "watch", "watch3/etcd", "--rev", "{rev+2}")
              .out("PUT", "watch3/etcd", "revision_2", "PUT", "watch3/etcd", "revision_3").absent("revision_1")
              .build(),
          Scenario.shared("watch a range [key, range_end)").source(Sources.WATCH)
              .run("put", "watch4/key1", "val1").out("OK")
              .run("put", "watch4/key3", "val3").out("OK")
              .run("put", "watch4/key2", "val2").out("OK")
              .stream(6, "watch", "watch4/key", "watch4/key3", "--rev", "1")
              .out("watch4/key1", "val1", "watch4/key2", "val2").absent("watch4/key3")
              .build(),
          Scenario.shared("watch --prev-kv, and delete events").source(Sources.MANUAL_WATCH)
              .run("put", "watch5/k", "v1").out("OK")
              .run("put", "watch5/k", "v2").out("OK")
              .run("del", "watch5/k").out("1")
              .stream(13, "watch", "watch5/k", "--rev", "{rev+1}", "--prev-kv")
              .out("PUT", "watch5/k", "v1", "PUT", "watch5/k", "v1", "watch5/k", "v2", "DELETE", "watch5/k", "v2")
              .build(),
          Scenario.shared("watch keys from ETCDCTL_WATCH_KEY and ETCDCTL_WATCH_RANGE_END").source(Sources.WATCH)
              .run("put", "watch6/foo", "bar").out("OK")
              .run("put", "watch6/fob", "baz").out("OK")
              .stream(3, "watch", "--rev", "1").env("ETCDCTL_WATCH_KEY", "watch6/foo").out("PUT", "watch6/foo", "bar")
              .stream(6, "watch", "--rev", "1")
              .env("ETCDCTL_WATCH_KEY", "watch6/fo").env("ETCDCTL_WATCH_RANGE_END", "watch6/foox")
              .out("watch6/foo", "bar", "watch6/fob", "baz")
              .build(),
          Scenario.shared("watch --interactive with the arguments typed in").source(Sources.WATCH)
              .run("put", "watch7/k", "v").out("OK")
              .stream(3, "watch", "--interactive").stdin("watch watch7/k --rev 1\n").out("PUT", "watch7/k", "v")
              .build(),
          Scenario.shared("watch -w json").source(Sources.MANUAL_WATCH)
              .run("put", "watch8/k", "v").out("OK")
              .stream(1, "watch", "watch8/k", "--rev", "1", "-w", "json")
              .out("\"Events\":[{\"kv\":{\"key\":\"" + KvScenarios.base64("watch8/k") + "\"")
              .build());
}
