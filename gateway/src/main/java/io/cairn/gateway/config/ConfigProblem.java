package io.cairn.gateway.config;

import static io.cairn.gateway.config.Checks.requireArgument;

import java.util.Objects;

/**
 * One thing wrong with a configuration: where it is and what is wrong.
 *
 * @param file the file the problem is in, as given to the loader; {@code null} when the
 *     configuration did not come from a file (flags, kv) or the problem spans files
 * @param key the dotted path of the offending option in Traefik's spelling, for example {@code
 *     http.routers.api.service} or {@code http.services.web.loadBalancer.servers[0].url}; the
 *     empty string for the file as a whole (unreadable, not a mapping)
 * @param message what is wrong and, where it helps, what was expected; never empty
 */
public record ConfigProblem(String file, String key, String message) {

  public ConfigProblem {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(message, "message");
    requireArgument(!message.isEmpty(), "a problem needs a message, got an empty one for key %s", key);
  }

  /** This problem attributed to {@code file} (used when a merged configuration is checked). */
  public ConfigProblem withFile(String file) {
    return new ConfigProblem(file, key, message);
  }

  /** {@code file: key: message}, leaving out the parts that are absent. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    if (file != null) {
      sb.append(file).append(": ");
    }
    if (!key.isEmpty()) {
      sb.append(key).append(": ");
    }
    return sb.append(message).toString();
  }
}
