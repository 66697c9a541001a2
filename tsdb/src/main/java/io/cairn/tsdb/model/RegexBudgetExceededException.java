package io.cairn.tsdb.model;

/**
 * A regex matcher gave up on one value: java.util.regex backtracks, so a pathological expression
 * such as {@code (a*)*b} can take exponential time where Go's RE2 (Prometheus's engine) is linear.
 * Matching stops after {@link Matcher#MATCH_BUDGET_BASE} + {@link Matcher#MATCH_BUDGET_PER_CHAR}
 * times the value's length character reads, and this is thrown instead of the thread spinning on
 * (a query's timeout is only checked between matches).
 */
public final class RegexBudgetExceededException extends RuntimeException {
  RegexBudgetExceededException(String regex, int valueLength) {
    super("regex " + regex + " took too many steps to match a value of " + valueLength
        + " characters; simplify nested repetitions", null, false, false);
  }
}
