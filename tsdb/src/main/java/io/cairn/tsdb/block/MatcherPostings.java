package io.cairn.tsdb.block;

import io.cairn.tsdb.index.CorruptIndexException;
import io.cairn.tsdb.index.IndexReader;
import io.cairn.tsdb.model.Matcher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The series matching all matchers, as Prometheus 2.42's {@code PostingsForMatchers}: equality
 * through one postings lookup, regular expressions by scanning the label's values, negative
 * matchers subtracted at the end, and a matcher that matches "" (which also selects series without
 * the label) as "all series minus those whose value does not match". No matchers select everything.
 */
final class MatcherPostings {
  private MatcherPostings() {}

  static int[] select(IndexReader ix, List<Matcher> matchers) throws CorruptIndexException {
    if (matchers.isEmpty()) {
      return ix.allPostings();
    }
    Set<String> mustBeSet = new HashSet<>();
    for (Matcher m : matchers) {
      if (!m.matchesEmpty()) {
        mustBeSet.add(m.name());
      }
    }
    List<int[]> its = new ArrayList<>();
    List<int[]> notIts = new ArrayList<>();
    for (Matcher m : matchers) {
      boolean isNot = m.type() == Matcher.Type.NOT_EQUAL || m.type() == Matcher.Type.NOT_REGEX;
      if (mustBeSet.contains(m.name())) {
        if (isNot && m.matchesEmpty()) { // l!="foo" where l must be set: subtract l="foo"
          notIts.add(values(ix, m, false));
        } else { // l="a", l=~"a.*", l!="" (as the values that match)
          int[] it = m.type() == Matcher.Type.EQUAL ? ix.postings(m.name(), m.value()) : values(ix, m, true);
          if (it.length == 0) {
            return Postings.EMPTY;
          }
          its.add(it);
        }
      } else { // matches "": every series except those whose value does not match
        notIts.add(values(ix, m, false));
      }
    }
    int[] out = its.isEmpty() ? ix.allPostings() : its.getFirst();
    for (int i = 1; i < its.size(); i++) {
      out = Postings.intersect(out, its.get(i));
    }
    for (int[] n : notIts) {
      out = Postings.without(out, n);
    }
    return out;
  }

  /** The union of the postings of {@code m.name()}'s values that do ({@code matching}) or do not match. */
  private static int[] values(IndexReader ix, Matcher m, boolean matching) throws CorruptIndexException {
    List<int[]> lists = new ArrayList<>();
    for (String v : ix.labelValues(m.name())) {
      if (m.matches(v) == matching) {
        lists.add(ix.postings(m.name(), v));
      }
    }
    return Postings.union(lists);
  }
}
