package io.cairn.server.kv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The gateway normalizer hides what differs between two correct servers and nothing else. */
class GatewayNormalizerTest {
  private static final TargetFacts A =
      new TargetFacts(
          "http://127.0.0.1:35269", "http://127.0.0.1:44973",
          new Identity("13668033151171901709", "15118495548433857066"));
  private static final TargetFacts B =
      new TargetFacts(
          "http://127.0.0.1:41000", "http://127.0.0.1:41001", new Identity("185828541645115251", "7236903978529372162"));

  @Test
  void headersKeepRevisionsRelativeToTheScenarioStart() {
    String fromA = "{\"header\":{\"cluster_id\":\"15118495548433857066\",\"member_id\":\"13668033151171901709\",\"revision\":\"12\",\"raft_term\":\"2\"}}";
    String fromB = "{\"header\":{\"cluster_id\":\"7236903978529372162\",\"member_id\":\"185828541645115251\",\"revision\":\"7\",\"raft_term\":\"3\"}}";
    assertThat(GatewayNormalizer.normalize(fromA, A, 10))
        .isEqualTo("{\"header\":{\"cluster_id\":\"<cluster-id>\",\"member_id\":\"<member-id>\",\"revision\":\"{rev+2}\",\"raft_term\":\"<raft_term>\"}}")
        .isEqualTo(GatewayNormalizer.normalize(fromB, B, 5));
    assertThat(GatewayNormalizer.normalize(fromA, A, 10)).as("a revision one off").isNotEqualTo(GatewayNormalizer.normalize(fromB, B, 6));
  }

  @Test
  void anotherMembersIdStaysVisible() {
    String wrongMember = "{\"header\":{\"member_id\":\"185828541645115251\"}}";
    assertThat(GatewayNormalizer.normalize(wrongMember, A, 1)).contains("185828541645115251");
  }

  @Test
  void leasesAreNamedInOrderOfAppearanceAndMembersAreNotLeases() {
    String text = "{\"members\":[{\"ID\":\"13668033151171901709\"}]}\n{\"ID\":\"4111120153388442651\",\"TTL\":\"20\"}\n"
        + "{\"kvs\":[{\"lease\":\"4111120153388442651\"}]}\n{\"ID\":\"1234\"}";
    assertThat(GatewayNormalizer.normalize(text, A, 1))
        .isEqualTo("{\"members\":[{\"ID\":\"<member-id>\"}]}\n{\"ID\":\"<lease-1>\",\"TTL\":\"20\"}\n"
            + "{\"kvs\":[{\"lease\":\"<lease-1>\"}]}\n{\"ID\":\"<lease-2>\"}");
  }

  @Test
  void aLockOrElectionKeyNamesItsLeaseAndOtherKeysStay() {
    String b64 = java.util.Base64.getEncoder().encodeToString("gw-lock/3f2a".getBytes());
    String other = java.util.Base64.getEncoder().encodeToString("gw-lock/3f2b".getBytes());
    String text = "{\"ID\":\"16170\"}\n{\"key\":\"" + b64 + "\"}\n{\"key\":\"" + other + "\"}";
    assertThat(GatewayNormalizer.normalize(text, A, 1))
        .isEqualTo("{\"ID\":\"<lease-1>\"}\n{\"key\":\"gw-lock/<lease-1>\"}\n{\"key\":\"" + other + "\"}");
  }

  @Test
  void onlyTheRemainingTtlOfATimeToLiveIsHidden() {
    String text = "{\"ID\":\"7\",\"TTL\":\"29\",\"grantedTTL\":\"30\"}\n{\"ID\":\"7\",\"TTL\":\"30\"}\n{\"ID\":\"8\",\"TTL\":\"-1\"}";
    assertThat(GatewayNormalizer.normalize(text, A, 1))
        .isEqualTo("{\"ID\":\"<lease-1>\",\"TTL\":\"<remaining>\",\"grantedTTL\":\"30\"}\n"
            + "{\"ID\":\"<lease-1>\",\"TTL\":\"30\"}\n{\"ID\":\"<lease-2>\",\"TTL\":\"-1\"}");
  }

  @Test
  void statusCountersAndHashesAreHiddenButNotTheVersion() {
    String text = "{\"version\":\"3.4.23\",\"dbSize\":\"20480\",\"leader\":\"13668033151171901709\",\"raftIndex\":\"23\","
        + "\"raftTerm\":\"2\",\"raftAppliedIndex\":\"23\",\"dbSizeInUse\":\"16384\"}\n{\"hash\":177225630}";
    assertThat(GatewayNormalizer.normalize(text, A, 1))
        .isEqualTo("{\"version\":\"3.4.23\",\"dbSize\":\"<dbSize>\",\"leader\":\"<member-id>\",\"raftIndex\":\"<raftIndex>\","
            + "\"raftTerm\":\"<raftTerm>\",\"raftAppliedIndex\":\"<raftAppliedIndex>\",\"dbSizeInUse\":\"<dbSizeInUse>\"}\n"
            + "{\"hash\":<hash>}");
  }

  @Test
  void urlsAreNamed() {
    String text = "\"peerURLs\":[\"http://127.0.0.1:44973\"],\"clientURLs\":[\"http://127.0.0.1:35269\"]";
    assertThat(GatewayNormalizer.normalize(text, A, 1)).isEqualTo("\"peerURLs\":[\"<peer-url>\"],\"clientURLs\":[\"<client-url>\"]");
  }
}
