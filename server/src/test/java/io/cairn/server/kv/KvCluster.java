package io.cairn.server.kv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A multi-member cluster of one kind (real etcd or {@code cairn kv}) on free loopback ports, members
 * named {@code n0}, {@code n1}..., each with its own data directory under one temporary directory.
 * Closing stops every member and deletes the directory.
 */
final class KvCluster implements AutoCloseable {
  /** Where a member that is not started yet will listen. */
  record Planned(String name, String clientUrl, String peerUrl) {}

  private final TargetKind kind;
  private final Path dir;
  private final List<ClusterMember> members = new ArrayList<>();

  private KvCluster(TargetKind kind, Path dir) {
    this.kind = kind;
    this.dir = dir;
  }

  /** Starts {@code size} members with {@code --initial-cluster-state new}; does not wait for them. */
  static KvCluster start(TargetKind kind, int size) {
    KvCluster cluster;
    try {
      cluster = new KvCluster(kind, Files.createTempDirectory("kv-it-cluster-" + kind + "-"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Planned> planned = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      planned.add(plan("n" + i));
    }
    String initial = initialCluster(planned);
    for (Planned p : planned) {
      cluster.launch(p, initial, "new");
    }
    return cluster;
  }

  /** Free ports for a member to add later. */
  static Planned plan(String name) {
    try {
      return new Planned(name, "http://127.0.0.1:" + KvTarget.freePort(), "http://127.0.0.1:" + KvTarget.freePort());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Starts a member added with {@code member add}: {@code --initial-cluster-state existing} and an
   * {@code --initial-cluster} of every member still running plus itself.
   */
  ClusterMember join(Planned joining) {
    List<Planned> all = new ArrayList<>(members.stream().filter(ClusterMember::isRunning).map(m -> new Planned(m.name(), m.clientUrl(), m.peerUrl())).toList());
    all.add(joining);
    return launch(joining, initialCluster(all), "existing");
  }

  private ClusterMember launch(Planned p, String initialCluster, String state) {
    Path workDir = dir.resolve(p.name());
    try {
      Files.createDirectories(workDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var layout = new ServerCommand.Layout(p.name(), workDir.resolve("data"), p.clientUrl(), p.peerUrl(), initialCluster, state);
    ClusterMember member = ClusterMember.start(kind, layout, workDir);
    members.add(member);
    return member;
  }

  private static String initialCluster(List<Planned> members) {
    return members.stream().map(m -> m.name() + "=" + m.peerUrl()).collect(Collectors.joining(","));
  }

  TargetKind kind() {
    return kind;
  }

  List<ClusterMember> members() {
    return List.copyOf(members);
  }

  ClusterMember member(int index) {
    return members.get(index);
  }

  /** Every member's last output, for failure messages. */
  String logs() {
    return members.stream().map(ClusterMember::logTail).collect(Collectors.joining("\n"));
  }

  @Override
  public void close() {
    members.forEach(ClusterMember::close);
    KvTarget.deleteRecursively(dir);
  }

  @Override
  public String toString() {
    return kind + " cluster of " + members;
  }
}
