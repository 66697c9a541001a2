package io.cairn.monitor.discovery;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code file_sd_configs}, as Prometheus's {@code discovery/file}: files matching the patterns (a
 * glob only in the last path element; {@code .json}, {@code .yml} or {@code .yaml}) are read on
 * start, on every change the {@link WatchService} reports in their directories, and every {@code
 * refresh_interval} (Prometheus default 5m) in case an event was missed.
 *
 * <p>Each group gets source {@code <path>:<index>} and the label {@code __meta_filepath}. A file
 * that cannot be read or parsed keeps its previous groups, is logged and counted ({@link
 * #readErrors}); a file that disappears takes its groups with it. Files above {@link
 * TargetGroupDecoder#MAX_BYTES} are errors.
 */
public final class FileDiscoverer implements Discoverer {
  private static final Logger log = LoggerFactory.getLogger(FileDiscoverer.class);
  private static final Pattern PATTERN = Pattern.compile("^[^*]*(\\*[^/]*)?\\.(json|yml|yaml|JSON|YML|YAML)$");

  private final List<Path> patterns;
  private final Duration refreshInterval;
  private final AtomicLong readErrors = new AtomicLong();
  private final Map<Path, List<TargetGroup>> byFile = new TreeMap<>();
  private volatile boolean closed;
  private Thread thread;
  private WatchService watch;

  /**
   * @throws IllegalArgumentException if a pattern is not {@code dir/name*.json} (or yml/yaml)
   */
  public FileDiscoverer(List<String> patterns, Duration refreshInterval) {
    for (String p : patterns) {
      if (!PATTERN.matcher(p).matches()) {
        throw new IllegalArgumentException("path name \"" + p + "\" is not valid for file discovery"
            + " (expected a .json, .yml or .yaml file, with a * glob only in the last path element)");
      }
    }
    if (refreshInterval.isNegative() || refreshInterval.isZero()) {
      throw new IllegalArgumentException("refresh_interval must be positive, got " + refreshInterval);
    }
    this.patterns = patterns.stream().map(p -> Path.of(p).toAbsolutePath().normalize()).toList();
    this.refreshInterval = refreshInterval;
  }

  /** Files that failed to read or parse, counted per attempt (Prometheus's {@code prometheus_sd_file_read_errors_total}). */
  public long readErrors() {
    return readErrors.get();
  }

  @Override
  public synchronized void start(Consumer<List<TargetGroup>> publish) {
    if (thread != null) {
      throw new IllegalStateException("file discoverer already started");
    }
    try {
      watch = FileSystems.getDefault().newWatchService();
      for (Path dir : new HashSet<>(patterns.stream().map(Path::getParent).toList())) {
        if (Files.isDirectory(dir)) {
          dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
              StandardWatchEventKinds.ENTRY_DELETE);
        } else {
          log.warn("file discovery: directory {} does not exist; only the refresh_interval poll will see it", dir);
        }
      }
    } catch (IOException e) {
      log.warn("file discovery: cannot watch ({}); relying on the refresh_interval poll", e.getMessage());
    }
    thread = Thread.ofVirtual().name("file-sd " + patterns).start(() -> run(publish));
  }

  private void run(Consumer<List<TargetGroup>> publish) {
    List<TargetGroup> last = null;
    while (!closed) {
      List<TargetGroup> now = refresh();
      if (!now.equals(last) && !closed) {
        publish.accept(now);
        last = now;
      }
      try {
        if (watch == null) {
          Thread.sleep(refreshInterval);
          continue;
        }
        var key = watch.poll(refreshInterval.toMillis(), TimeUnit.MILLISECONDS);
        while (key != null) { // drain the burst of events one write makes
          key.pollEvents();
          key.reset();
          key = watch.poll(20, TimeUnit.MILLISECONDS);
        }
      } catch (InterruptedException | java.nio.file.ClosedWatchServiceException e) {
        return;
      }
    }
  }

  /** Re-reads every matching file; returns all groups, in file order. */
  List<TargetGroup> refresh() {
    Set<Path> files = new java.util.TreeSet<>();
    for (Path p : patterns) {
      PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + p.getFileName());
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(p.getParent())) {
        for (Path f : ds) {
          if (m.matches(f.getFileName()) && Files.isRegularFile(f)) {
            files.add(f);
          }
        }
      } catch (IOException e) {
        // a missing directory matches no files
      }
    }
    byFile.keySet().retainAll(files);
    for (Path f : files) {
      try {
        byFile.put(f, read(f));
      } catch (IOException | IllegalArgumentException e) {
        readErrors.incrementAndGet();
        log.error("file discovery: error reading {} ({}); keeping its previous targets", f, e.getMessage());
      }
    }
    List<TargetGroup> all = new ArrayList<>();
    byFile.values().forEach(all::addAll);
    return List.copyOf(all);
  }

  private static List<TargetGroup> read(Path f) throws IOException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(f)) {
      bytes = in.readNBytes(TargetGroupDecoder.MAX_BYTES + 1);
    }
    String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
    var format = name.endsWith(".json") ? TargetGroupDecoder.Format.JSON : TargetGroupDecoder.Format.YAML;
    List<TargetGroup> groups = TargetGroupDecoder.decode(bytes, format, f.toString());
    return groups.stream().map(g -> g.withLabel("__meta_filepath", f.toString())).toList();
  }

  @Override
  public void close() {
    closed = true;
    Thread t;
    synchronized (this) {
      t = thread;
      if (watch != null) {
        try {
          watch.close();
        } catch (IOException e) {
          // closing anyway
        }
      }
    }
    if (t != null) {
      t.interrupt();
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
