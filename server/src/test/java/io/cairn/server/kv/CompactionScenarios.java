package io.cairn.server.kv;

import java.util.List;

/** compact on a fresh store: future revisions, compacted revisions, --physical, and the KV hash after it. */
final class CompactionScenarios {
  private CompactionScenarios() {}

  static final List<Scenario> ALL = List.of(compaction(false), compaction(true));

  private static Scenario compaction(boolean physical) {
    String[] compact4 = physical ? new String[] {"compact", "4", "--physical"} : new String[] {"compact", "4"};
    return Scenario.fresh("compact" + (physical ? " --physical" : "") + ": future, then compacted revisions")
        .source(Sources.COMPACTION)
        .run("compact", "2").error("etcdserver: mvcc: required revision is a future revision")
        .run("put", "key", "val1").out("OK")
        .run("put", "key", "val2").out("OK")
        .run("put", "key", "val3").out("OK")
        .run("get", "key", "--rev", "3").out("key", "val2")
        .run(compact4).out("compacted revision 4")
        .run("get", "key", "--rev", "3").error("etcdserver: mvcc: required revision has been compacted")
        .run("compact", "2").error("etcdserver: mvcc: required revision has been compacted")
        .run("compact", "4").error("etcdserver: mvcc: required revision has been compacted")
        .run("get", "key", "--rev", "4").out("key", "val3")
        .run("get", "key", "-w", "json").out("\"create_revision\":2,\"mod_revision\":4,\"version\":3")
        .run("watch", "key", "--rev", "2")
        .err("watch was canceled (etcdserver: mvcc: required revision has been compacted)")
        .error("watch is canceled by the server")
        .stream(3, "watch", "key", "--rev", "4").out("PUT", "key", "val3")
        .run("endpoint", "hashkv").out("{endpoint}, ")
        .run("endpoint", "hashkv", "-w", "json").out("\"compact_revision\":4")
        .build();
  }
}
