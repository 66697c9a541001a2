package io.cairn.server.kv;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What one gateway call must answer, the way etcd's curl e2e tests check it: the HTTP status, and
 * substrings of the body in order (each searched after the previous one's match).
 *
 * @param status the HTTP status etcd answers with
 * @param body substrings of the body, in this order
 * @param absent substrings the body must not contain
 * @param mediaType the media type of {@code Content-Type} etcd answers with, or {@code null} to not check it
 */
record GatewayExpect(int status, List<String> body, List<String> absent, String mediaType) {
  GatewayExpect {
    body = List.copyOf(body);
    absent = List.copyOf(absent);
  }

  /** Every way {@code result} falls short of this expectation; empty when it meets it. */
  List<String> problems(CurlResult result, boolean streamed, UnaryOperator<String> resolve) {
    List<String> problems = new ArrayList<>();
    if (result.ending() == CurlResult.Ending.TIMED_OUT) {
      problems.add("curl did not finish");
    } else if (!streamed && result.exitCode() != 0) {
      problems.add("curl failed with exit status " + result.exitCode() + ": " + result.stderr());
    }
    if (result.status() != status) {
      problems.add("HTTP status " + result.status() + ", expected " + status);
    }
    if (mediaType != null && !result.response().mediaType().equals(mediaType)) {
      problems.add("Content-Type " + result.response().mediaType() + ", expected " + mediaType);
    }
    String text = result.body();
    int from = 0;
    for (String raw : body) {
      String wanted = resolve.apply(raw);
      int at = text.indexOf(wanted, from);
      if (at < 0) {
        problems.add("body: no '" + wanted + "'" + (from > 0 ? " after the previous expected text" : ""));
        break;
      }
      from = at + wanted.length();
    }
    for (String raw : absent) {
      String unwanted = resolve.apply(raw);
      if (text.contains(unwanted)) {
        problems.add("body contains '" + unwanted + "', which must be absent");
      }
    }
    return problems;
  }
}
