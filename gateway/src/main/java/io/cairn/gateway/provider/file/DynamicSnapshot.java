package io.cairn.gateway.provider.file;

import io.cairn.gateway.config.DynamicConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A validated dynamic configuration from the file provider, immutable and safe to share.
 *
 * @param config the merged configuration; names are unqualified (the server appends {@code @file})
 * @param files the files read, in the order they were merged
 * @param origins which file defined each element, keyed like problems ({@code http.routers.api})
 * @param warnings things Traefik only logs: elements defined twice (the first file wins)
 */
public record DynamicSnapshot(DynamicConfig config, List<Path> files, Map<String, Path> origins, List<String> warnings) {
  public DynamicSnapshot {
    Objects.requireNonNull(config, "config");
    files = List.copyOf(files);
    origins = Map.copyOf(origins);
    warnings = List.copyOf(warnings);
  }
}
