package io.cairn.monitor.config;

import java.util.List;

/**
 * cairn's own discovery: target groups kept under a key prefix of cairn kv (etcd API); see the
 * package documentation for the value format.
 *
 * @param endpoints kv client endpoints as {@code host:port}; default {@code 127.0.0.1:2379}
 * @param prefix the key prefix, default {@value #DEFAULT_PREFIX}
 * @param basicAuth kv user and password, null when absent
 */
public record KvSdConfig(List<String> endpoints, String prefix, TlsConfig tlsConfig, BasicAuth basicAuth) {
  public static final List<String> DEFAULT_ENDPOINTS = List.of("127.0.0.1:2379");
  public static final String DEFAULT_PREFIX = "/cairn/targets/";

  public KvSdConfig {
    endpoints = List.copyOf(endpoints);
  }
}
