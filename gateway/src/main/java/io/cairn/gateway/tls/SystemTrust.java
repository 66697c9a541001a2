package io.cairn.gateway.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Installs the internal CA's root into the system trust store the Debian/Ubuntu way: the PEM copied
 * to {@code /usr/local/share/ca-certificates/cairn-local-root.crt}, then {@code
 * update-ca-certificates} when it is on the PATH. Other systems get a clear error saying what to do
 * by hand.
 */
public final class SystemTrust {
  /** Where Debian's {@code update-ca-certificates} looks for local CAs. */
  public static final Path DEBIAN_DIR = Path.of("/usr/local/share/ca-certificates");
  /** The installed file's name. */
  public static final String FILE_NAME = "cairn-local-root.crt";

  private SystemTrust() {}

  /**
   * Copies {@code rootPem} into {@link #DEBIAN_DIR} and runs {@code update-ca-certificates} when it
   * is on the PATH (or in /usr/sbin, /sbin).
   *
   * @return the installed file
   * @throws IOException naming what failed (directory missing or not writable, the tool failing)
   */
  public static Path install(Path rootPem) throws IOException, InterruptedException {
    return install(rootPem, DEBIAN_DIR, onPath("update-ca-certificates"));
  }

  /** As {@link #install(Path)} into {@code dir}, running {@code updateTool} unless it is null. */
  static Path install(Path rootPem, Path dir, Path updateTool) throws IOException, InterruptedException {
    if (!Files.isDirectory(dir)) {
      throw new IOException(dir + " does not exist: this system does not use update-ca-certificates;"
          + " add " + rootPem + " to its trust store by hand");
    }
    if (!Files.isWritable(dir)) {
      throw new IOException(dir + " is not writable: run as root (sudo cairn gateway trust --install)");
    }
    Path target = dir.resolve(FILE_NAME);
    Files.copy(rootPem, target, StandardCopyOption.REPLACE_EXISTING);
    Path tool = updateTool;
    if (tool != null) {
      Process p = new ProcessBuilder(List.of(tool.toString())).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("update-ca-certificates did not finish within 60 s");
      }
      if (p.exitValue() != 0) {
        throw new IOException("update-ca-certificates failed (exit " + p.exitValue() + "): " + out.strip());
      }
    }
    return target;
  }

  private static Path onPath(String tool) {
    for (String d : System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin").split(":")) {
      Path p = Path.of(d, tool);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    for (String d : List.of("/usr/sbin", "/sbin")) {
      Path p = Path.of(d, tool);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }
}
