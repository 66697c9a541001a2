package io.cairn.common.config;

import io.cairn.common.logging.LogFormat;
import io.cairn.common.logging.LogLevel;
import java.nio.file.Path;
import java.util.List;

/** Settings every cairn process has. Service modules declare their own keys beside these. */
public final class CommonKeys {
  private CommonKeys() {}

  public static final ConfigKey<Path> DATA_DIR =
      ConfigKey.of(
          "data-dir",
          "--data-dir",
          Parsers.path(),
          Path.of("data"),
          "Directory under which every service keeps its data (one sub-directory per service).");

  public static final ConfigKey<HostPort> ADMIN_ADDRESS =
      ConfigKey.of(
          "admin.address",
          "--admin-address",
          Parsers.hostPort(),
          new HostPort("127.0.0.1", 9901),
          "Where the admin endpoint (/metrics, /healthz, /readyz) listens; port 0 picks a free port.");

  public static final ConfigKey<LogFormat> LOG_FORMAT =
      ConfigKey.of(
          "log.format",
          "--log-format",
          Parsers.enumOf(LogFormat.class),
          LogFormat.TEXT,
          "Log line format on standard error: text or json.");

  public static final ConfigKey<LogLevel> LOG_LEVEL =
      ConfigKey.of(
          "log.level",
          "--log-level",
          Parsers.enumOf(LogLevel.class),
          LogLevel.INFO,
          "Least severe level logged: error, warn, info, debug or trace.");

  public static final List<ConfigKey<?>> ALL = List.of(DATA_DIR, ADMIN_ADDRESS, LOG_FORMAT, LOG_LEVEL);
}
