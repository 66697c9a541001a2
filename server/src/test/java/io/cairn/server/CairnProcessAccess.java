package io.cairn.server;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** {@link CairnProcess} for tests in other packages of this module. */
public final class CairnProcessAccess implements AutoCloseable {
  private final CairnProcess process;

  private CairnProcessAccess(CairnProcess process) {
    this.process = process;
  }

  public static CairnProcessAccess start(String... args) throws IOException {
    return new CairnProcessAccess(CairnProcess.start(args));
  }

  public boolean alive() {
    return process.process.isAlive();
  }

  public int awaitExit(Duration limit) throws InterruptedException {
    return process.awaitExit(limit);
  }

  public List<String> out() {
    return process.out;
  }

  public List<String> err() {
    return process.err;
  }

  @Override
  public void close() {
    process.process.destroy();
    try {
      process.awaitExit(Duration.ofSeconds(10));
    } catch (InterruptedException | AssertionError e) {
      process.close();
    }
  }

  @Override
  public String toString() {
    return process.toString();
  }
}
