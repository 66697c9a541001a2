package io.cairn.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real {@code cairn} launcher script started as a child process, the way a user starts it. Uses
 * the JDK running the tests and the jars this build just packaged ({@code CAIRN_SKIP_BUILD=1}).
 */
final class CairnProcess implements AutoCloseable {
  private static final Pattern ADMIN = Pattern.compile("^\\s*admin\\s+(http://\\S+)");

  final Process process;
  final List<String> out = new CopyOnWriteArrayList<>();
  final List<String> err = new CopyOnWriteArrayList<>();

  private CairnProcess(Process process) {
    this.process = process;
    drain(process.getInputStream(), out);
    drain(process.getErrorStream(), err);
  }

  static Path repoRoot() {
    String root = System.getProperty("cairn.repo.root");
    assertThat(root).as("system property cairn.repo.root (set by the failsafe configuration)").isNotNull();
    return Path.of(root).toAbsolutePath().normalize();
  }

  static CairnProcess start(String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(repoRoot().resolve("cairn").toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(repoRoot().toFile());
    pb.environment().put("CAIRN_SKIP_BUILD", "1");
    pb.environment().put("CAIRN_JAVA_HOME", System.getProperty("java.home"));
    return new CairnProcess(pb.start());
  }

  private static void drain(InputStream in, List<String> into) {
    Thread.ofVirtual()
        .start(
            () -> {
              try (var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                  into.add(line);
                }
              } catch (IOException ignored) {
                // process gone
              }
            });
  }

  /** Waits for the line that says where the admin endpoint listens and returns its URL. */
  String awaitAdminUrl(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      for (String line : out) {
        Matcher m = ADMIN.matcher(line);
        if (m.find()) {
          return m.group(1);
        }
      }
      if (!process.isAlive()) {
        fail("cairn exited with " + process.exitValue() + " before printing its endpoints: " + this);
      }
      Thread.sleep(50);
    }
    return fail("cairn did not print its admin endpoint within " + timeout + ": " + this);
  }

  /** Waits for exit and returns the exit code; fails the test if it takes longer than {@code limit}. */
  int awaitExit(Duration limit) throws InterruptedException {
    if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      fail("cairn did not exit within " + limit + ": " + this);
    }
    // let the drain threads read what was written just before exit
    process.waitFor();
    Thread.sleep(100);
    return process.exitValue();
  }

  void signal(String name) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start();
    assertThat(kill.waitFor()).as("kill -" + name).isZero();
  }

  static String read(Path p) throws IOException {
    return Files.readString(p);
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }

  @Override
  public String toString() {
    return "stdout=" + out + " stderr=" + err;
  }
}
