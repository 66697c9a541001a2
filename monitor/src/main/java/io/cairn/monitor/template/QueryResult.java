package io.cairn.monitor.template;

import io.cairn.monitor.template.gotemplate.GoTyped;
import java.util.ArrayList;
import java.util.Collection;

/** Prometheus's template {@code queryResult} ({@code []*sample}); sortByLabel sorts it in place. */
final class QueryResult extends ArrayList<Sample> implements GoTyped {
  QueryResult(Collection<Sample> samples) {
    super(samples);
  }

  @Override
  public String goType() {
    return "template.queryResult";
  }
}
