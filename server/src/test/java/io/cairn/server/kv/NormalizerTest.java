package io.cairn.server.kv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The normalizer hides what differs between two correct servers and nothing else. */
class NormalizerTest {
  private static final TargetFacts A =
      new TargetFacts(
          "http://127.0.0.1:35269", "http://127.0.0.1:44973",
          new Identity("13668033151171901709", "15118495548433857066"));
  private static final TargetFacts B =
      new TargetFacts(
          "http://127.0.0.1:41000", "http://127.0.0.1:41001", new Identity("185828541645115251", "7236903978529372162"));

  private static String a(String text, long base) {
    return Normalizer.normalize(text, A, base, false);
  }

  private static String b(String text, long base) {
    return Normalizer.normalize(text, B, base, false);
  }

  @Test
  void urlsAndMemberIdsAreNamed() {
    String fromA = "bdae9bbc11dd390d, started, kv1, http://127.0.0.1:44973, http://127.0.0.1:35269, false";
    String fromB = "2943212f5e2cf73, started, kv1, http://127.0.0.1:41001, http://127.0.0.1:41000, false";
    assertThat(a(fromA, 1)).isEqualTo("<member-id>, started, kv1, <peer-url>, <client-url>, false").isEqualTo(b(fromB, 1));
  }

  @Test
  void jsonHeadersKeepRevisionsRelativeToTheScenarioStart() {
    String fromA = "{\"header\":{\"cluster_id\":15118495548433857066,\"member_id\":13668033151171901709,\"revision\":12,\"raft_term\":2}}";
    String fromB = "{\"header\":{\"cluster_id\":7236903978529372162,\"member_id\":185828541645115251,\"revision\":7,\"raft_term\":3}}";
    assertThat(a(fromA, 10))
        .isEqualTo("{\"header\":{\"cluster_id\":<cluster-id>,\"member_id\":<member-id>,\"revision\":{rev+2},\"raft_term\":<raft-term>}}")
        .isEqualTo(b(fromB, 5));
    assertThat(a(fromA, 10)).as("a revision one off").isNotEqualTo(b(fromB, 6));
  }

  @Test
  void leaseIdsAreNamedInOrderOfAppearanceInEveryForm() {
    String fromA = "lease 390da1ff60823511 granted with TTL(100s)\n{\"id\":4111120153067009297,\"ttl\":99}\nlease 390da1ff60823512 revoked";
    String fromB = "lease 02943212f5e2cf80 granted with TTL(100s)\n{\"id\":185828541645115264,\"ttl\":98}\nlease 02943212f5e2cf81 revoked";
    assertThat(a(fromA, 1))
        .isEqualTo("lease <lease-1> granted with TTL(100s)\n{\"id\":<lease-1>,\"ttl\":<ttl>}\nlease <lease-2> revoked")
        .isEqualTo(b(fromB, 1));
    String swapped = "lease 02943212f5e2cf80 granted with TTL(100s)\n{\"id\":185828541645115264,\"ttl\":98}\nlease 02943212f5e2cf80 revoked";
    assertThat(b(swapped, 1)).as("revoking the wrong lease shows").isNotEqualTo(a(fromA, 1));
  }

  @Test
  void endpointStatusHidesVersionSizeAndRaftPositions() {
    String fromA = "http://127.0.0.1:35269, bdae9bbc11dd390d, 3.4.23, 33 kB, true, false, 2, 6, 6, ";
    String fromB = "http://127.0.0.1:41000, 2943212f5e2cf73, 3.4.99, 1.2 MB, true, false, 1, 60, 59, ";
    assertThat(a(fromA, 1))
        .isEqualTo("<client-url>, <member-id>, <version>, <db-size>, true, false, <raft-term>, <raft-index>, <raft-applied-index>, ")
        .isEqualTo(b(fromB, 1));
    assertThat(b(fromB.replace("true, false", "false, false"), 1)).as("not the leader").isNotEqualTo(a(fromA, 1));
  }

  @Test
  void durationsAndRemainingTtlsAreHidden() {
    assertThat(a("http://127.0.0.1:35269 is healthy: successfully committed proposal: took = 1.93ms", 1))
        .isEqualTo("<client-url> is healthy: successfully committed proposal: took = <duration>");
    assertThat(a("lease 390da1ff60823511 granted with TTL(100s), remaining(99s), attached keys([k])", 1))
        .isEqualTo("lease <lease-1> granted with TTL(100s), remaining(<ttl>s), attached keys([k])");
  }

  @Test
  void keysValuesCountsAndHashesOnAFreshStoreAreKept() {
    String text = "key\nval2\n{\"kvs\":[{\"key\":\"a2V5\",\"version\":3,\"value\":\"dmFsMw==\"}],\"count\":1}\n"
        + "http://127.0.0.1:35269, 2114296284";
    assertThat(a(text, 1))
        .isEqualTo("key\nval2\n{\"kvs\":[{\"key\":\"a2V5\",\"version\":3,\"value\":\"dmFsMw==\"}],\"count\":1}\n"
            + "<client-url>, 2114296284");
    assertThat(Normalizer.normalize("http://127.0.0.1:35269, 2114296284", A, 1, true)).isEqualTo("<client-url>, <hash>");
  }

  @Test
  void smallIdsAreReplacedOnlyWhereIdsArePrinted() {
    TargetFacts small = new TargetFacts("http://127.0.0.1:41000", "http://127.0.0.1:41001", new Identity("1", "2"));
    String text = "1, started, kv1, http://127.0.0.1:41001, http://127.0.0.1:41000, false\n"
        + "{\"header\":{\"cluster_id\":2,\"member_id\":1,\"revision\":3,\"raft_term\":1},\"ID\":2,\"TTL\":2}\n"
        + "lease 0000000000000002 revoked\n1\n2\nmemberID:1 alarm:NOSPACE";
    assertThat(Normalizer.normalize(text, small, 1, false))
        .isEqualTo("<member-id>, started, kv1, <peer-url>, <client-url>, false\n"
            + "{\"header\":{\"cluster_id\":<cluster-id>,\"member_id\":<member-id>,\"revision\":{rev+2},"
            + "\"raft_term\":<raft-term>},\"ID\":<lease-1>,\"TTL\":2}\n"
            + "lease <lease-1> revoked\n1\n2\nmemberID:<member-id> alarm:NOSPACE");
  }

  @Test
  void anIdThatIsNotTheTargetsOwnStaysVisible() {
    String text = "{\"header\":{\"cluster_id\":15118495548433857066,\"member_id\":42}}";
    assertThat(a(text, 1)).isEqualTo("{\"header\":{\"cluster_id\":<cluster-id>,\"member_id\":42}}");
  }
}
