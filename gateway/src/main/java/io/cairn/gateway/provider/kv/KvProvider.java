package io.cairn.gateway.provider.kv;

/** Placeholder replaced below. */
public final class KvProvider {
  public static final String NAME = "etcd";
}
