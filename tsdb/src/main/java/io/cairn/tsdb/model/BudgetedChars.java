package io.cairn.tsdb.model;

/**
 * A string seen by the regex engine through a budget of character reads: the backtracking
 * engine reads characters at every step, so counting reads bounds its work. Not thread-safe; one
 * per match.
 */
final class BudgetedChars implements CharSequence {
  private final String s;
  private final int from;
  private final int to;
  private final long[] left; // shared by subSequence views of the same match

  BudgetedChars(String s, long budget) {
    this(s, 0, s.length(), new long[] {budget});
  }

  private BudgetedChars(String s, int from, int to, long[] left) {
    this.s = s;
    this.from = from;
    this.to = to;
    this.left = left;
  }

  /** Whether the budget ran out. */
  boolean exhausted() {
    return left[0] < 0;
  }

  @Override
  public int length() {
    return to - from;
  }

  @Override
  public char charAt(int index) {
    if (--left[0] < 0) {
      throw new Exhausted();
    }
    return s.charAt(from + index);
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return new BudgetedChars(s, from + start, from + end, left);
  }

  @Override
  public String toString() {
    return s.substring(from, to);
  }

  /** Thrown out of the regex engine when the budget runs out; caught by {@link Matcher}. */
  static final class Exhausted extends RuntimeException {
    Exhausted() {
      super(null, null, false, false);
    }
  }
}
