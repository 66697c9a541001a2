package io.cairn.raft;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.ratis.io.MD5Hash;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.storage.FileInfo;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.SnapshotInfo;
import org.apache.ratis.statemachine.SnapshotRetentionPolicy;
import org.apache.ratis.statemachine.StateMachineStorage;
import org.apache.ratis.statemachine.impl.FileListSnapshotInfo;
import org.apache.ratis.util.FileUtils;
import org.apache.ratis.util.MD5FileUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Snapshots of one group, as directories in the group's Ratis state-machine directory:
 *
 * <pre>
 *   &lt;group dir&gt;/sm/snapshot.&lt;term&gt;_&lt;index&gt;/SNAPSHOT      term and index (written last)
 *   &lt;group dir&gt;/sm/snapshot.&lt;term&gt;_&lt;index&gt;/state/...   what GroupStateMachine.snapshot wrote
 *   (every file has a sibling &lt;file&gt;.md5, as Ratis expects)
 * </pre>
 *
 * <p>A snapshot is written into {@code sm/tmp.<uuid>} and renamed into place, so a directory named
 * {@code snapshot.*} with a {@code SNAPSHOT} file is complete. The leader sends every file but the
 * {@code .md5} files to a follower (paths relative to the group directory); Ratis' SnapshotManager
 * then replaces the follower's whole {@code sm} directory with them and we {@link #reload()}.
 *
 * <p>Threads: {@link #take} and {@link #reload} run on the group's apply thread; {@link
 * #getLatestSnapshot} is called from any thread (the latest snapshot is a volatile immutable value).
 */
final class SnapshotStore implements StateMachineStorage {
  private static final Logger LOG = LoggerFactory.getLogger(SnapshotStore.class);
  private static final Pattern NAME = Pattern.compile("snapshot\\.(\\d+)_(\\d+)");
  static final String META = "SNAPSHOT";
  static final String STATE = "state";

  /** A complete snapshot on disk. */
  record Snapshot(TermIndex termIndex, Path dir, FileListSnapshotInfo info) {
    Path stateDir() {
      return dir.resolve(STATE);
    }

    long index() {
      return termIndex.getIndex();
    }
  }

  /** Writes the state into a directory that does not exist yet; returns the index it reflects. */
  interface Writer {
    TermIndex write(Path stateDir) throws IOException;
  }

  private volatile Path smDir;
  private volatile Snapshot latest;

  @Override
  public void init(RaftStorage storage) throws IOException {
    smDir = storage.getStorageDir().getStateMachineDir().toPath();
    Files.createDirectories(smDir);
    reload();
  }

  /** Re-reads the directory (after start or after Ratis installed a snapshot from the leader). */
  Snapshot reload() throws IOException {
    Snapshot found = null;
    for (Path dir : list()) {
      Snapshot s = load(dir);
      if (s != null && (found == null || s.index() > found.index())) {
        found = s;
      }
    }
    latest = found;
    return found;
  }

  Snapshot latest() {
    return latest;
  }

  @Override
  public SnapshotInfo getLatestSnapshot() {
    Snapshot s = latest;
    return s == null ? null : s.info();
  }

  /** Takes a snapshot; returns the latest snapshot afterwards (maybe an existing newer one). */
  Snapshot take(Writer writer) throws IOException {
    Path tmp = smDir.resolve("tmp." + UUID.randomUUID());
    Files.createDirectories(tmp);
    try {
      TermIndex ti = writer.write(tmp.resolve(STATE));
      Snapshot current = latest;
      if (current != null && ti.getIndex() <= current.index()) {
        return current;
      }
      writeMeta(tmp.resolve(META), ti);
      for (Path f : files(tmp)) {
        MD5FileUtil.computeAndSaveMd5ForFile(f.toFile());
      }
      Path target = smDir.resolve("snapshot." + ti.getTerm() + "_" + ti.getIndex());
      if (!Files.exists(target)) {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      }
      Snapshot s = load(target);
      if (s == null) {
        throw new IOException("snapshot " + target + " unreadable right after writing it");
      }
      latest = s;
      return s;
    } finally {
      if (Files.exists(tmp)) {
        FileUtils.deleteFully(tmp);
      }
    }
  }

  @Override
  public void format() {}

  @Override
  public void cleanupOldSnapshots(SnapshotRetentionPolicy policy) throws IOException {
    int keep = policy == null ? -1 : policy.getNumSnapshotsRetained();
    if (keep <= 0) {
      return;
    }
    List<Snapshot> all = new ArrayList<>();
    for (Path dir : list()) {
      Snapshot s = load(dir);
      if (s != null) {
        all.add(s);
      }
    }
    all.sort(Comparator.comparingLong(Snapshot::index).reversed());
    Snapshot current = latest;
    for (Snapshot s : all.subList(Math.min(keep, all.size()), all.size())) {
      if (current == null || !s.dir().equals(current.dir())) {
        LOG.debug("deleting old snapshot {}", s.dir());
        FileUtils.deleteFully(s.dir());
      }
    }
  }

  private List<Path> list() throws IOException {
    try (Stream<Path> s = Files.list(smDir)) {
      return s.filter(p -> NAME.matcher(p.getFileName().toString()).matches())
          .filter(Files::isDirectory)
          .toList();
    }
  }

  private static Snapshot load(Path dir) {
    Matcher m = NAME.matcher(dir.getFileName().toString());
    Path meta = dir.resolve(META);
    if (!m.matches() || !Files.isRegularFile(meta)) {
      return null;
    }
    try {
      TermIndex ti = TermIndex.valueOf(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
      if (!ti.equals(readMeta(meta))) {
        LOG.warn("snapshot {} has a SNAPSHOT file for {}; ignoring it", dir, readMeta(meta));
        return null;
      }
      List<FileInfo> infos = new ArrayList<>();
      for (Path f : files(dir)) {
        File md5 = MD5FileUtil.getDigestFileForFile(f.toFile());
        MD5Hash digest = md5.exists() ? MD5FileUtil.readStoredMd5ForFile(f.toFile()) : null;
        infos.add(new FileInfo(f.toAbsolutePath(), digest));
      }
      return new Snapshot(ti, dir, new FileListSnapshotInfo(infos, ti));
    } catch (IOException | RuntimeException e) {
      LOG.warn("ignoring unreadable snapshot {}", dir, e);
      return null;
    }
  }

  /** Regular files under dir, without the .md5 companions, in a stable order. */
  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().endsWith(MD5FileUtil.MD5_SUFFIX))
          .sorted()
          .toList();
    }
  }

  private static void writeMeta(Path file, TermIndex ti) throws IOException {
    String text = "term=" + ti.getTerm() + "\nindex=" + ti.getIndex() + "\n";
    Files.writeString(file, text);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
  }

  private static TermIndex readMeta(Path file) {
    Properties p = new Properties();
    try (var in = Files.newInputStream(file)) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return TermIndex.valueOf(
        Long.parseLong(p.getProperty("term")), Long.parseLong(p.getProperty("index")));
  }
}
