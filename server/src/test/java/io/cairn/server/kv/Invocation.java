package io.cairn.server.kv;

import java.util.List;
import java.util.Map;

/**
 * One etcdctl command line (without the global connection flags the runner adds), what to type on
 * its standard input ({@code ""} for nothing) and extra environment variables.
 */
record Invocation(List<String> args, String stdin, Map<String, String> env) {
  Invocation {
    args = List.copyOf(args);
    env = Map.copyOf(env);
  }

  static Invocation of(String... args) {
    return new Invocation(List.of(args), "", Map.of());
  }

  Invocation withStdin(String text) {
    return new Invocation(args, text, env);
  }
}
