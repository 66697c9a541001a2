package io.cairn.kv.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MembersTest {
  @Test
  void defaultSingleNodeGetsEtcdsWellKnownIds() {
    // etcd 3.4 started with no flags reports member 8e9e05c52164694d in cluster cdf818194e3a8c32.
    long member = Members.memberId(List.of("http://localhost:2380"), "etcd-cluster", null);
    assertThat(Members.hex(member)).isEqualTo("8e9e05c52164694d");
    assertThat(Members.hex(Members.clusterId(List.of(member)))).isEqualTo("cdf818194e3a8c32");
  }

  @Test
  void raftRoundTripKeepsNameAndUrls() {
    var info =
        new Members.Info(
            0xfedcba9876543210L, "node a&b", List.of("http://127.0.0.1:2380"),
            List.of("http://127.0.0.1:2379", "http://10.0.0.1:2379"));
    var raft = info.toRaft();
    assertThat(raft.id()).isEqualTo("fedcba9876543210");
    assertThat(raft.peerAddress()).isEqualTo("127.0.0.1:2380");
    assertThat(Members.fromRaft(raft)).isEqualTo(info);
  }
}
