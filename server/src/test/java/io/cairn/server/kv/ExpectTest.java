package io.cairn.server.kv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Substring expectations are checked in order, and failures are reported. */
class ExpectTest {
  private static final UnaryOperator<String> AS_IS = UnaryOperator.identity();

  private static EtcdctlResult exited(int code, List<String> stdout, List<String> stderr) {
    return new EtcdctlResult(List.of("get", "k"), EtcdctlResult.Ending.EXITED, code, stdout, stderr);
  }

  private static Expect out(String... inOrder) {
    return new Expect(List.of(inOrder), List.of(), List.of(), List.of(), false);
  }

  @Test
  void substringsMustAppearInOrder() {
    EtcdctlResult r = exited(0, List.of("key1", "val1", "key2", "val2"), List.of());
    assertThat(out("key1", "val2").problems(r, false, AS_IS)).isEmpty();
    assertThat(out("key2", "key1").problems(r, false, AS_IS)).singleElement().asString().contains("'key1'");
  }

  @Test
  void severalPartsOfOneLineMayBeExpected() {
    EtcdctlResult r = exited(0, List.of("{\"deleted\":1,\"prev_kvs\":[]}"), List.of());
    assertThat(out("\"deleted\":1", "\"prev_kvs\":[").problems(r, false, AS_IS)).isEmpty();
  }

  @Test
  void anExpectedErrorNeedsAFailureAndAnErrorLine() {
    Expect error = new Expect(List.of(), List.of(), List.of("key is not provided"), List.of(), false);
    EtcdctlResult failed = exited(1, List.of(), List.of("{\"level\":\"warn\"}", "Error: etcdserver: key is not provided"));
    assertThat(error.problems(failed, false, AS_IS)).isEmpty();
    assertThat(error.problems(exited(0, List.of(), List.of()), false, AS_IS))
        .contains("succeeded, expected it to fail");
  }

  @Test
  void anUnexpectedFailureAbsentTextAndNonEmptyOutputAreProblems() {
    Expect strict = new Expect(List.of(), List.of(), List.of(), List.of("val"), true);
    assertThat(strict.problems(exited(2, List.of("key", "val"), List.of()), false, AS_IS)).hasSize(3);
  }

  @Test
  void placeholdersAreResolvedBeforeMatching() {
    Templates templates = new Templates(10, java.util.Map.of("lease", "abc"));
    EtcdctlResult r = exited(0, List.of("lease abc revoked at 12"), List.of());
    assertThat(out("lease {lease} revoked at {rev+2}").problems(r, false, templates::resolve)).isEmpty();
  }
}
