package io.cairn.monitor.config;

import java.io.Serial;

/**
 * A configuration file that cannot be used: unreadable, not YAML, an unknown field, a value of the
 * wrong type or one that fails validation. The message is written for the person who wrote the file
 * and follows Prometheus's wording where there is one, e.g. {@code parsing YAML file
 * /etc/prometheus.yml: yaml: unmarshal errors:\n  line 3: field foo not found in type
 * config.ScrapeConfig} or {@code parsing YAML file x.yml: found multiple scrape configs with job
 * name "a"}.
 */
public final class ConfigException extends Exception {
  @Serial private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
