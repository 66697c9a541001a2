package io.cairn.raft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.ratis.protocol.RaftPeer;
import org.junit.jupiter.api.Test;

class ConfigurationsTest {
  private static final RaftMember A = new RaftMember("a", "h:1", "http://a");
  private static final RaftMember B = new RaftMember("b", "h:2", "");
  private static final Configurations.Conf AB = new Configurations.Conf(Peers.toPeers(List.of(A, B)), List.of());

  @Test
  void addsRemovesAndUpdatesMembers() {
    RaftMember c = new RaftMember("c", "h:3", "http://c");
    assertThat(Peers.toMembers(Configurations.add(AB, c).servers())).containsExactly(A, B, c);
    assertThat(Peers.toMembers(Configurations.remove(AB, "a").servers())).containsExactly(B);

    RaftMember moved = new RaftMember("b", "h:4", "http://b");
    Configurations.Conf updated = Configurations.update(AB, moved);
    assertThat(Peers.toMembers(updated.servers())).containsExactly(A, moved);
    // The uniform priority flips so Ratis sees a change; flipping again restores it.
    assertThat(updated.servers()).extracting(RaftPeer::getPriority).containsOnly(1);
    assertThat(Configurations.update(updated, B).servers()).extracting(RaftPeer::getPriority).containsOnly(0);
    assertThat(Configurations.add(updated, c).servers()).extracting(RaftPeer::getPriority).containsOnly(1);
  }

  @Test
  void learnersAreAddedUpdatedRemovedAndAddedBackAsVoters() {
    RaftMember c = new RaftMember("c", "h:3", "http://c");
    Configurations.Conf withLearner = Configurations.addLearner(AB, c);
    assertThat(Peers.toMembers(withLearner.servers())).containsExactly(A, B);
    assertThat(Peers.toMembers(withLearner.listeners())).containsExactly(c);

    RaftMember moved = new RaftMember("c", "h:5", "http://c");
    Configurations.Conf updated = Configurations.update(withLearner, moved);
    assertThat(Peers.toMembers(updated.listeners())).containsExactly(moved);
    assertThat(updated.servers()).extracting(RaftPeer::getPriority).containsOnly(1);
    assertThat(updated.listeners()).extracting(RaftPeer::getPriority).containsOnly(1);

    // a promotion is a removal, then an add as a voter (GroupHandle.promoteLearner)
    Configurations.Conf removed = Configurations.remove(withLearner, "c");
    assertThat(removed).isEqualTo(AB);
    assertThat(Peers.toMembers(Configurations.add(removed, c).servers())).containsExactly(A, B, c);

    assertThatThrownBy(() -> Configurations.addLearner(AB, new RaftMember("a", "h:9", "")))
        .hasMessageContaining("already a member");
    assertThatThrownBy(() -> Configurations.add(withLearner, new RaftMember("c", "h:9", "")))
        .hasMessageContaining("already a member");
    assertThatThrownBy(() -> Configurations.add(withLearner, new RaftMember("d", "h:3", "")))
        .hasMessageContaining("c already uses h:3");
  }

  @Test
  void refusesChangesThatMakeNoSense() {
    assertThatThrownBy(() -> Configurations.add(AB, new RaftMember("a", "h:9", "")))
        .hasMessageContaining("already a member");
    assertThatThrownBy(() -> Configurations.add(AB, new RaftMember("c", "h:2", "")))
        .hasMessageContaining("b already uses h:2");
    assertThatThrownBy(() -> Configurations.update(AB, new RaftMember("a", "h:2", "")))
        .hasMessageContaining("b already uses h:2");
    assertThatThrownBy(() -> Configurations.remove(AB, "z")).hasMessageContaining("not a member");
    assertThatThrownBy(() -> Configurations.update(AB, new RaftMember("z", "h:9", "")))
        .hasMessageContaining("not a member");
    assertThatThrownBy(() -> Configurations.remove(Configurations.remove(AB, "a"), "b"))
        .hasMessageContaining("last member");
  }

  @Test
  void groupIdsAndAddressesParse() {
    assertThat(Peers.groupId("kv")).isEqualTo(Peers.groupId("kv")).isNotEqualTo(Peers.groupId("kv2"));
    assertThat(Peers.host("127.0.0.1:2380")).isEqualTo("127.0.0.1");
    assertThat(Peers.port("127.0.0.1:2380")).isEqualTo(2380);
    assertThat(Peers.host("[::1]:2380")).isEqualTo("::1");
    assertThatThrownBy(() -> Peers.port("nohost")).isInstanceOf(IllegalArgumentException.class);
    // The opaque client address survives the round trip; RPC peers never carry it.
    RaftPeer p = Peers.toPeer(A);
    assertThat(Peers.toMember(p)).isEqualTo(A);
    assertThat(Peers.forRpc(p).getClientAddress()).isNullOrEmpty();
  }
}
