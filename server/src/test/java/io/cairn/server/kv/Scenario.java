package io.cairn.server.kv;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A deterministic sequence of etcdctl commands with the substrings etcd's e2e tests (or the etcdctl
 * manual) expect. Run against each target it is checked against those substrings; run against real
 * etcd and a candidate, the two normalized transcripts must be identical.
 *
 * @param source the heading of the section of {@code ../shared/conformance/etcd} it comes from
 * @param freshStore whether it needs an empty store (a server of its own) rather than a shared one
 *     with other scenarios' keys under other prefixes
 * @param hashVaries whether {@code endpoint hashkv} output may differ between targets (on a shared
 *     server the history includes lease ids, which differ); on a fresh store it must be identical
 */
record Scenario(
    String name, String source, boolean freshStore, ServerOptions options, boolean hashVaries, List<Step> steps) {
  Scenario {
    steps = List.copyOf(steps);
  }

  /** A scenario for a shared server: its keys must live under a prefix no other scenario uses. */
  static Builder shared(String name) {
    return new Builder(name, false);
  }

  /** A scenario that starts from an empty store (revision 1) on a server of its own. */
  static Builder fresh(String name) {
    return new Builder(name, true);
  }

  @Override
  public String toString() {
    return name;
  }

  /** Builds the steps; the expectation methods apply to the most recently added step. */
  static final class Builder {
    private final String name;
    private final boolean freshStore;
    private String source = "";
    private ServerOptions options = ServerOptions.DEFAULTS;
    private boolean hashVaries;
    private final List<Step> steps = new ArrayList<>();
    private Invocation invocation;
    private int streamLines;
    private final List<String> stdout = new ArrayList<>();
    private final List<String> stderr = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private final List<String> absent = new ArrayList<>();
    private boolean emptyStdout;
    private final Map<String, Pattern> captures = new LinkedHashMap<>();

    private Builder(String name, boolean freshStore) {
      this.name = name;
      this.freshStore = freshStore;
    }

    Builder source(String heading) {
      this.source = heading;
      return this;
    }

    Builder options(ServerOptions options) {
      this.options = options;
      return this;
    }

    Builder hashVaries() {
      this.hashVaries = true;
      return this;
    }

    /** Adds a command that runs to its end; it must succeed unless {@link #error} says otherwise. */
    Builder run(String... args) {
      return add(Invocation.of(args), 0);
    }

    /** Adds a streaming command, read until it printed {@code lines} lines (or a deadline passed). */
    Builder stream(int lines, String... args) {
      return add(Invocation.of(args), lines);
    }

    Builder stdin(String text) {
      invocation = invocation.withStdin(text);
      return this;
    }

    Builder env(String name, String value) {
      Map<String, String> env = new LinkedHashMap<>(invocation.env());
      env.put(name, value);
      invocation = new Invocation(invocation.args(), invocation.stdin(), env);
      return this;
    }

    /** Standard output has lines containing these, in this order. */
    Builder out(String... inOrder) {
      stdout.addAll(List.of(inOrder));
      return this;
    }

    /** Standard error has lines containing these, in this order. */
    Builder err(String... inOrder) {
      stderr.addAll(List.of(inOrder));
      return this;
    }

    /** The command fails with an {@code Error: ...} line containing {@code message}. */
    Builder error(String message) {
      errors.add(message);
      return this;
    }

    /** No standard output line contains any of these. */
    Builder absent(String... texts) {
      absent.addAll(List.of(texts));
      return this;
    }

    /** Standard output is empty. */
    Builder empty() {
      emptyStdout = true;
      return this;
    }

    /** Captures the first group of {@code regex} in standard output as {@code {name}}. */
    Builder capture(String name, String regex) {
      captures.put(name, Pattern.compile(regex));
      return this;
    }

    private Builder add(Invocation next, int lines) {
      flush();
      invocation = next;
      streamLines = lines;
      return this;
    }

    private void flush() {
      if (invocation != null) {
        steps.add(
            new Step(invocation, streamLines, new Expect(stdout, stderr, errors, absent, emptyStdout), captures));
      }
      stdout.clear();
      stderr.clear();
      errors.clear();
      absent.clear();
      emptyStdout = false;
      captures.clear();
    }

    Scenario build() {
      flush();
      invocation = null;
      if (source.isEmpty()) {
        throw new IllegalStateException("scenario '" + name + "' must name its source section");
      }
      return new Scenario(name, source, freshStore, options, hashVaries, steps);
    }
  }
}
