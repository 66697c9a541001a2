package io.cairn.raft;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A durable key-value state machine for tests. Commands are UTF-8 {@code "put <key> <value>"}
 * (replies with the previous value, or empty) or {@code "get <key>"} (replies with the value).
 * The map and the applied index are written to {@code dir/state} after every entry, so a new
 * instance on the same directory continues where the last one stopped.
 */
final class TestStateMachine implements GroupStateMachine {
  private final Path dir;
  private final TreeMap<String, String> map = new TreeMap<>();
  private long applied;
  private int applies;
  private int noops;
  private int installs;
  private final List<Long> appliedIndexes = new ArrayList<>();
  private volatile Optional<RaftMember> leader = Optional.empty();

  TestStateMachine(Path dir) {
    this.dir = dir;
    try {
      Files.createDirectories(dir);
      Path state = dir.resolve("state");
      if (Files.exists(state)) {
        applied = read(state, map);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] put(String key, String value) {
    return ("put " + key + " " + value).getBytes(UTF_8);
  }

  @Override
  public synchronized long appliedIndex() {
    return applied;
  }

  @Override
  public synchronized byte[] apply(long index, long term, byte[] command) {
    if (index <= applied) {
      return new byte[0];
    }
    String[] parts = new String(command, UTF_8).split(" ", 3);
    String reply =
        switch (parts[0]) {
          case "put" -> Optional.ofNullable(map.put(parts[1], parts[2])).orElse("");
          case "get" -> map.getOrDefault(parts[1], "");
          default -> throw new IllegalArgumentException("bad command " + parts[0]);
        };
    applied = index;
    applies++;
    appliedIndexes.add(index);
    persist();
    return reply.getBytes(UTF_8);
  }

  @Override
  public synchronized void applyNoop(long index, long term) {
    if (index > applied) {
      applied = index;
      noops++;
      persist();
    }
  }

  @Override
  public synchronized long snapshot(Path target) throws IOException {
    Files.createDirectories(target);
    write(target.resolve("data"), applied, map);
    return applied;
  }

  @Override
  public synchronized void install(Path from) throws IOException {
    TreeMap<String, String> loaded = new TreeMap<>();
    long index = read(from.resolve("data"), loaded);
    map.clear();
    map.putAll(loaded);
    applied = index;
    installs++;
    persist();
  }

  @Override
  public void leaderChanged(Optional<RaftMember> leader, long term) {
    this.leader = leader;
  }

  synchronized Map<String, String> data() {
    return new TreeMap<>(map);
  }

  synchronized String get(String key) {
    return map.get(key);
  }

  synchronized int applies() {
    return applies;
  }

  synchronized int installs() {
    return installs;
  }

  synchronized List<Long> appliedIndexes() {
    return List.copyOf(appliedIndexes);
  }

  Optional<RaftMember> lastLeaderSeen() {
    return leader;
  }

  private void persist() {
    try {
      Path tmp = dir.resolve("state.tmp");
      write(tmp, applied, map);
      Files.move(tmp, dir.resolve("state"), StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, long index, Map<String, String> m) throws IOException {
    try (var out = new DataOutputStream(Files.newOutputStream(file))) {
      out.writeLong(index);
      out.writeInt(m.size());
      for (var e : m.entrySet()) {
        out.writeUTF(e.getKey());
        out.writeUTF(e.getValue());
      }
    }
  }

  private static long read(Path file, Map<String, String> into) throws IOException {
    try (var in = new DataInputStream(Files.newInputStream(file))) {
      long index = in.readLong();
      int n = in.readInt();
      for (int i = 0; i < n; i++) {
        into.put(in.readUTF(), in.readUTF());
      }
      return index;
    }
  }
}
