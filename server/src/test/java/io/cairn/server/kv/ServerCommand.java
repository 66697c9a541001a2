package io.cairn.server.kv;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** How to start each kind of kv server (one member) with etcd's flags. */
sealed interface ServerCommand {
  /**
   * Where a member listens and keeps its data, and the cluster it starts in: {@code initialCluster}
   * ({@code name=peerUrl,...}) with {@code clusterState} {@code new} or {@code existing}.
   */
  record Layout(
      String memberName, Path dataDir, String clientUrl, String peerUrl, String initialCluster, String clusterState) {
    /** A single-member cluster of its own. */
    Layout(String memberName, Path dataDir, String clientUrl, String peerUrl) {
      this(memberName, dataDir, clientUrl, peerUrl, memberName + "=" + peerUrl, "new");
    }

    /** The etcd flags both servers take for this layout. */
    List<String> etcdFlags() {
      return List.of(
          "--name", memberName,
          "--data-dir", dataDir.toString(),
          "--listen-client-urls", clientUrl,
          "--advertise-client-urls", clientUrl,
          "--listen-peer-urls", peerUrl,
          "--initial-advertise-peer-urls", peerUrl,
          "--initial-cluster", initialCluster,
          "--initial-cluster-state", clusterState);
    }
  }

  static ServerCommand of(TargetKind kind) {
    return switch (kind) {
      case ETCD -> new Etcd();
      case CAIRN -> new Cairn();
    };
  }

  /** The process to start, run from {@code workDir}. */
  ProcessBuilder build(Layout layout, ServerOptions options, Path workDir);

  /** How long it may take to answer {@code etcdctl endpoint health}. */
  Duration startLimit();

  /** The name failure messages use. */
  String displayName();

  /** The real etcd, {@code /usr/bin/etcd} from the Debian package etcd-server. */
  record Etcd() implements ServerCommand {
    @Override
    public ProcessBuilder build(Layout layout, ServerOptions options, Path workDir) {
      List<String> command = new ArrayList<>();
      command.add(Peers.etcd().toString());
      command.addAll(layout.etcdFlags());
      command.addAll(options.flags());
      return new ProcessBuilder(command).directory(workDir.toFile());
    }

    @Override
    public Duration startLimit() {
      return Duration.ofSeconds(30);
    }

    @Override
    public String displayName() {
      return "etcd";
    }
  }

  /**
   * {@code cairn kv} through the repository's launcher script, the way a user starts it, with the
   * JDK running the tests and the jars this build packaged ({@code CAIRN_SKIP_BUILD=1}).
   */
  record Cairn() implements ServerCommand {
    @Override
    public ProcessBuilder build(Layout layout, ServerOptions options, Path workDir) {
      List<String> command = new ArrayList<>();
      command.add(Peers.repoRoot().resolve("cairn").toString());
      command.add("kv");
      command.addAll(layout.etcdFlags());
      command.addAll(List.of("--admin-address", "127.0.0.1:0"));
      command.addAll(options.flags());
      ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
      builder.environment().put("CAIRN_SKIP_BUILD", "1");
      builder.environment().put("CAIRN_JAVA_HOME", System.getProperty("java.home"));
      return builder;
    }

    @Override
    public Duration startLimit() {
      return Duration.ofSeconds(90);
    }

    @Override
    public String displayName() {
      return "cairn kv";
    }
  }
}
