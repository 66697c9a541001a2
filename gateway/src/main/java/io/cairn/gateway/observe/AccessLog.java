package io.cairn.gateway.observe;

import io.cairn.gateway.config.StaticConfig;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Traefik's access log ({@code --accessLog}): one line per exchange, {@code common} (Traefik's CLF,
 * see {@link CommonFormat}) or {@code json} (see {@link JsonFormat}), to {@code filePath} (appended;
 * created with its directories) or standard output.
 *
 * <p>Never blocks a request: {@link #finished} only applies the filters and offers the record to a
 * bounded queue ({@code bufferingSize} lines, default {@value #DEFAULT_QUEUE}); one writer thread
 * formats and writes, flushing whenever the queue runs empty. When the queue is full the line is
 * dropped and counted ({@link #dropped()}), where Traefik's writer would block the request instead.
 * Thread-safe. {@link #close()} writes what is queued, then closes the file.
 *
 * <p>Rotation, as Traefik: on {@code SIGUSR1} (or {@link #reopen()}) every open access log file is
 * closed and opened again at its path, after what was queued before is written, so that {@code
 * logrotate} can move the file away and signal (or use {@code copytruncate}). Standard output is
 * never reopened.
 */
public final class AccessLog implements ExchangeObserver, AutoCloseable {
  /** Queue size when {@code bufferingSize} is 0. */
  public static final int DEFAULT_QUEUE = 8192;

  private static final Logger log = LoggerFactory.getLogger(AccessLog.class);

  private final boolean json;
  private final LogFields fields;
  private final StaticConfig.AccessLogFilters filters;
  private final List<int[]> codeRanges;
  private final BlockingQueue<ExchangeRecord> queue;
  private final LongAdder dropped = new LongAdder();
  /** The file, or null for a stream given at construction (standard output, tests). */
  private final Path path;
  /** Written by the writer thread only (and by {@link #close()} once it has stopped). */
  private OutputStream out;
  private final boolean ownsStream;
  private volatile boolean reopenRequested;
  /** The open access log files, for {@code SIGUSR1}. */
  private static final java.util.Set<AccessLog> OPEN_FILES = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private static final java.util.concurrent.atomic.AtomicBoolean SIGNAL_HANDLED = new java.util.concurrent.atomic.AtomicBoolean();
  private final ZoneId zone = ZoneId.systemDefault();
  private final Thread writer;
  private volatile boolean closed;

  private AccessLog(StaticConfig.AccessLog config, Path path, OutputStream out, boolean ownsStream) {
    if (!List.of("common", "genericCLF", "json").contains(config.format())) {
      throw new IllegalArgumentException("access log format " + config.format() + " is unknown; expected common or json");
    }
    if (config.bufferingSize() < 0 || config.bufferingSize() > 10_000_000) {
      throw new IllegalArgumentException("bufferingSize is " + config.bufferingSize() + "; expected 0..10000000");
    }
    this.json = config.format().equals("json");
    this.fields = new LogFields(config.fields());
    this.filters = config.filters().orElse(null);
    this.codeRanges = filters == null ? List.of() : LogFields.ranges(filters.statusCodes());
    this.queue = new ArrayBlockingQueue<>(config.bufferingSize() == 0 ? DEFAULT_QUEUE : (int) config.bufferingSize());
    this.path = path;
    this.out = new BufferedOutputStream(out, 64 * 1024);
    this.ownsStream = ownsStream;
    this.writer = Thread.ofPlatform().daemon().name("gateway-access-log").start(this::run);
  }

  /** Opens the access log of {@code config}: its file, or standard output when the path is empty. */
  public static AccessLog open(StaticConfig.AccessLog config) throws IOException {
    if (config.filePath().isEmpty()) {
      return new AccessLog(config, null, System.out, false);
    }
    Path path = Path.of(config.filePath());
    AccessLog opened = new AccessLog(config, path, openFile(path), true);
    OPEN_FILES.add(opened);
    trapUsr1();
    return opened;
  }

  /** An access log writing to {@code out} (tests); {@code out} is not closed. */
  static AccessLog to(StaticConfig.AccessLog config, OutputStream out) {
    return new AccessLog(config, null, out, false);
  }

  private static OutputStream openFile(Path path) throws IOException {
    if (path.getParent() != null) {
      Files.createDirectories(path.getParent());
    }
    return new FileOutputStream(path.toFile(), true);
  }

  /**
   * Installs the {@code SIGUSR1} handler once per process (reopening every open access log file;
   * nothing when none is open), as Traefik always traps the signal: without it the signal's default
   * action would end the process. A JVM that keeps the signal for itself gets a warning.
   */
  public static void trapUsr1() {
    if (SIGNAL_HANDLED.compareAndSet(false, true)) {
      try {
        sun.misc.Signal.handle(new sun.misc.Signal("USR1"), s -> OPEN_FILES.forEach(AccessLog::reopen));
      } catch (IllegalArgumentException e) {
        log.warn("access log: SIGUSR1 cannot be handled in this JVM ({}); rotate with copytruncate", e.getMessage());
      }
    }
  }

  /**
   * Asks the writer to close the file and open it again at its path (what {@code SIGUSR1} does);
   * returns at once, and the writer does it within 100 ms, after the line it is writing; the lines
   * after go to the new file. No-op for standard output.
   */
  public void reopen() {
    if (path != null) {
      reopenRequested = true;
    }
  }

  @Override
  public void finished(ExchangeRecord record) {
    if (closed || !keep(record)) {
      return;
    }
    if (!queue.offer(record)) {
      dropped.increment();
    }
  }

  /** Traefik's {@code keepAccessLog}: no filters, or empty ones, keep everything; else any filter that matches. */
  boolean keep(ExchangeRecord r) {
    if (filters == null || (codeRanges.isEmpty() && !filters.retryAttempts() && filters.minDuration().isZero())) {
      return true;
    }
    for (int[] range : codeRanges) {
      if (r.status() >= range[0] && r.status() <= range[1]) {
        return true;
      }
    }
    if (filters.retryAttempts() && r.retryAttempts() > 0) {
      return true;
    }
    return !filters.minDuration().isZero() && r.durationNanos() > filters.minDuration().toNanos();
  }

  /** The line {@code record} is written as. */
  String format(ExchangeRecord record) {
    Map<String, Object> f = fields.of(record);
    return json ? JsonFormat.line(f, Instant.now(), zone) : CommonFormat.line(f);
  }

  /** Lines dropped because the queue was full. */
  public long dropped() {
    return dropped.sum();
  }

  private void run() {
    while (!closed || !queue.isEmpty()) {
      try {
        ExchangeRecord r = queue.poll(100, TimeUnit.MILLISECONDS);
        if (r != null) {
          out.write(format(r).getBytes(StandardCharsets.UTF_8));
        }
        if (queue.isEmpty()) {
          out.flush();
        }
        if (reopenRequested) {
          reopenRequested = false;
          reopenNow();
        }
      } catch (InterruptedException e) {
        closed = true;
      } catch (IOException | RuntimeException e) {
        log.warn("access log: cannot write: {}", e.toString());
      }
    }
  }

  /** On the writer thread: the old file is closed, the path opened again (created if it was moved away). */
  private void reopenNow() {
    try {
      out.flush();
      OutputStream fresh = new BufferedOutputStream(openFile(path), 64 * 1024);
      OutputStream old = out;
      out = fresh;
      old.close();
    } catch (IOException e) {
      log.warn("access log: cannot reopen {}: {}; still writing to the old file", path, e.toString());
    }
  }

  @Override
  public void close() {
    closed = true;
    OPEN_FILES.remove(this);
    try {
      writer.join(5_000);
      out.flush();
      if (ownsStream) {
        out.close();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      log.warn("access log: cannot close: {}", e.toString());
    }
  }
}
