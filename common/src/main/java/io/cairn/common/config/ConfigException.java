package io.cairn.common.config;

/**
 * A configuration value, file or flag was wrong. The message is one line, fit to print as is: it names
 * the source, the field, what was expected and what was given.
 */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message, null, false, false);
  }
}
