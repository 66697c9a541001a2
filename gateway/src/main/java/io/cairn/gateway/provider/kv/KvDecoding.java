package io.cairn.gateway.provider.kv;

import io.cairn.gateway.config.ConfigException;
import io.cairn.gateway.config.ConfigProblem;
import io.cairn.gateway.config.DynamicConfig;
import io.cairn.gateway.config.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Keys under a root key to a validated {@link DynamicConfig}: {@link KvTree} builds the tree, the
 * file provider's decoder reads it and the {@link Validator} checks it, so options, defaults and
 * messages are the file provider's. Every problem names the source {@code etcd:<rootKey>} as its
 * file and the kv key it is about as its key ({@code traefik/http/routers/api/rule}). Thread-safe
 * if the validator is.
 */
public final class KvDecoding {
  private final String rootKey;
  private final Validator validator;

  /**
   * @param rootKey the root key, without a trailing slash ({@code traefik})
   * @param validator checks the decoded configuration (provider name {@value KvProvider#NAME})
   */
  public KvDecoding(String rootKey, Validator validator) {
    this.rootKey = checkRootKey(rootKey);
    this.validator = Objects.requireNonNull(validator, "validator");
  }

  static String checkRootKey(String rootKey) {
    if (rootKey == null || rootKey.isEmpty() || rootKey.endsWith("/")) {
      throw new IllegalArgumentException(
          "the etcd provider's rootKey must be a non-empty key without a trailing slash (such as traefik), got \""
              + rootKey + "\"");
    }
    return rootKey;
  }

  /** The source name problems carry: {@code etcd:<rootKey>}. */
  public String source() {
    return KvProvider.NAME + ":" + rootKey;
  }

  /**
   * Decodes and validates; keys outside Traefik's layout ({@code ROOT/acme/...}) are ignored.
   *
   * @param pairs every key under the root with its value
   * @throws ConfigException with every problem, each keyed by its kv key
   */
  public DynamicConfig decode(Map<String, String> pairs) throws ConfigException {
    KvTree.Result tree = KvTree.build(rootKey, pairs);
    DynamicConfig config;
    try {
      config = DynamicConfig.decode(tree.tree(), source());
    } catch (ConfigException e) {
      throw translated(e.problems(), tree);
    }
    List<ConfigProblem> problems = validator.check(config);
    if (!problems.isEmpty()) {
      throw translated(problems, tree);
    }
    return config;
  }

  private ConfigException translated(List<ConfigProblem> problems, KvTree.Result tree) {
    List<ConfigProblem> out = new ArrayList<>();
    for (ConfigProblem p : problems) {
      out.add(new ConfigProblem(source(), KvTree.kvKey(rootKey, p.key(), tree.keys()), p.message()));
    }
    return new ConfigException(out);
  }
}
