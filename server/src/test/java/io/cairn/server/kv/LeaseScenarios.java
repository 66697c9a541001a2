package io.cairn.server.kv;

import java.util.List;

/**
 * The deterministic lease commands. Expiry after the TTL and streaming keep-alive depend on time and
 * are checked per target in {@link KvLeaseIT} instead.
 */
final class LeaseScenarios {
  private LeaseScenarios() {}

  private static final String LEASE_ID = "lease ([0-9a-f]+) granted";

  static final List<Scenario> ALL =
      List.of(
          Scenario.shared("lease grant, timetolive --keys, keep-alive --once, revoke deletes attached keys")
              .source(Sources.LEASES)
              .run("lease", "grant", "100").out(" granted with TTL(100s)").capture("lease", LEASE_ID)
              .run("put", "lease1/a", "1", "--lease={lease}").out("OK")
              .run("lease", "timetolive", "{lease}").out("lease {lease} granted with TTL(100s), remaining(")
              .absent("attached keys")
              .run("lease", "timetolive", "{lease}", "--keys")
              .out("lease {lease} granted with TTL(100s), remaining(").out(", attached keys([lease1/a])")
              .run("lease", "timetolive", "{lease}", "--keys", "-w", "json").out("\"granted-ttl\":100")
              .run("lease", "keep-alive", "--once", "{lease}").out("lease {lease} keepalived with TTL(100)")
              .run("put", "lease1/b", "2", "--lease={lease}").out("OK")
              .run("get", "lease1/", "--prefix").out("lease1/a", "1", "lease1/b", "2")
              .run("lease", "revoke", "{lease}").out("lease {lease} revoked")
              .run("get", "lease1/", "--prefix").empty()
              .run("lease", "timetolive", "{lease}").out("lease {lease} already expired")
              .run("lease", "revoke", "{lease}").error("etcdserver: requested lease not found")
              .run("lease", "keep-alive", "--once", "{lease}").error("etcdserver: requested lease not found")
              .build(),
          Scenario.shared("unknown leases; json and fields output").source(Sources.LEASES)
              .run("put", "lease2/k", "v", "--lease=1234abcd").error("etcdserver: requested lease not found")
              .run("lease", "timetolive", "1234abcd").out("lease 000000001234abcd already expired")
              .run("lease", "grant", "30", "-w", "json").out("\"TTL\":30")
              .run("lease", "grant", "30", "-w", "fields").out("\"TTL\" : 30")
              .run("lease", "grant", "1").out(" granted with TTL(2s)")
              .build(),
          Scenario.fresh("lease list").source(Sources.LEASES)
              .run("lease", "list").out("found 0 leases")
              .run("lease", "grant", "100").capture("lease", LEASE_ID)
              .run("lease", "list").out("found 1 leases", "{lease}")
              .run("lease", "revoke", "{lease}").out("lease {lease} revoked")
              .run("lease", "list").out("found 0 leases").absent("{lease}")
              .build());
}
