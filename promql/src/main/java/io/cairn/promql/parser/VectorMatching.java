package io.cairn.promql.parser;

import java.util.List;

/**
 * How a binary operation between two vectors pairs their elements, as Prometheus's
 * {@code parser.VectorMatching}.
 *
 * @param cardinality one-to-one unless {@code group_left}/{@code group_right} is written; always
 *     many-to-many for {@code and}, {@code or}, {@code unless}
 * @param matchingLabels the labels of {@code on(...)} or {@code ignoring(...)}, in the order written
 * @param on true for {@code on(...)}, false for {@code ignoring(...)} or neither (an empty
 *     {@code ignoring} then)
 * @param include the labels in {@code group_left(...)} / {@code group_right(...)} to copy from the
 *     "one" side
 */
public record VectorMatching(Cardinality cardinality, List<String> matchingLabels, boolean on, List<String> include) {
  public enum Cardinality {
    ONE_TO_ONE,
    MANY_TO_ONE,
    ONE_TO_MANY,
    MANY_TO_MANY
  }

  public VectorMatching {
    matchingLabels = List.copyOf(matchingLabels);
    include = List.copyOf(include);
  }
}
