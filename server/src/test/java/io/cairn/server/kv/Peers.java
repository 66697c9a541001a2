package io.cairn.server.kv;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the real peer programs on the PATH. A missing one fails the test (never skips it), saying
 * how to get it: {@code ./cairn test} installs every package listed in {@code scripts/peers.txt}.
 */
final class Peers {
  private Peers() {}

  /** The real etcd server, Debian package {@code etcd-server}. */
  static Path etcd() {
    return find("etcd", "etcd-server");
  }

  /** The real etcdctl client, Debian package {@code etcd-client}. */
  static Path etcdctl() {
    return find("etcdctl", "etcd-client");
  }

  /** The real curl, Debian package {@code curl}: the client of the JSON gateway checks. */
  static Path curl() {
    return find("curl", "curl");
  }

  static Path repoRoot() {
    String root = System.getProperty("cairn.repo.root");
    if (root == null) {
      throw new AssertionError("system property cairn.repo.root is not set (the failsafe configuration sets it)");
    }
    return Path.of(root).toAbsolutePath().normalize();
  }

  private static Path find(String command, String debianPackage) {
    return find(command, debianPackage, System.getenv().getOrDefault("PATH", ""));
  }

  static Path find(String command, String debianPackage, String path) {
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, command);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError(
        command + " is not installed (Debian package " + debianPackage + "): run ./cairn test, which installs "
            + "the real peers listed in scripts/peers.txt; PATH=" + path);
  }
}
