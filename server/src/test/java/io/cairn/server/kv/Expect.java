package io.cairn.server.kv;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What one step must print, the way etcd's own e2e tests check it: expected substrings appear in
 * order, each searched after the end of the previous one's match (etcd's tests consume whole lines;
 * this also allows several expected parts of one line, such as fields of one JSON object).
 *
 * @param errors substrings of an {@code Error: ...} line on standard error; any makes the step one
 *     that must fail (non-zero exit)
 * @param absent substrings no standard output line may contain
 * @param emptyStdout standard output must be empty
 */
record Expect(List<String> stdout, List<String> stderr, List<String> errors, List<String> absent, boolean emptyStdout) {
  static final Expect NOTHING = new Expect(List.of(), List.of(), List.of(), List.of(), false);

  Expect {
    stdout = List.copyOf(stdout);
    stderr = List.copyOf(stderr);
    errors = List.copyOf(errors);
    absent = List.copyOf(absent);
  }

  boolean mustFail() {
    return !errors.isEmpty();
  }

  /** Every way {@code result} falls short of this expectation; empty when it meets it. */
  List<String> problems(EtcdctlResult result, boolean streamed, UnaryOperator<String> resolve) {
    List<String> problems = new ArrayList<>();
    if (result.ending() == EtcdctlResult.Ending.TIMED_OUT) {
      problems.add("did not finish within " + Etcdctl.RUN_LIMIT.toSeconds() + "s");
    } else if (mustFail() && result.exitCode() == 0) {
      problems.add("succeeded, expected it to fail");
    } else if (!mustFail() && !streamed && result.exitCode() != 0) {
      problems.add("failed with exit status " + result.exitCode() + ", expected success");
    }
    inOrder("stdout", stdout, result.stdout(), resolve, problems);
    inOrder("stderr", stderr, result.stderr(), resolve, problems);
    List<String> errorLines = result.stderr().stream().filter(l -> l.startsWith("Error:")).toList();
    inOrder("an 'Error:' line", errors, errorLines, resolve, problems);
    for (String text : absent) {
      String wanted = resolve.apply(text);
      result.stdout().stream()
          .filter(line -> line.contains(wanted))
          .findFirst()
          .ifPresent(line -> problems.add("stdout line '" + line + "' contains '" + wanted + "', which must be absent"));
    }
    if (emptyStdout && !result.stdout().isEmpty()) {
      problems.add("stdout must be empty");
    }
    return problems;
  }

  private static void inOrder(
      String where, List<String> expected, List<String> lines, UnaryOperator<String> resolve, List<String> problems) {
    String text = String.join("\n", lines);
    int from = 0;
    for (String raw : expected) {
      String wanted = resolve.apply(raw);
      int at = text.indexOf(wanted, from);
      if (at < 0) {
        problems.add(where + ": no '" + wanted + "'" + (from > 0 ? " after the previous expected text" : ""));
        return;
      }
      from = at + wanted.length();
    }
  }
}
