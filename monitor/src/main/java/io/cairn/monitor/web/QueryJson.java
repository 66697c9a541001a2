package io.cairn.monitor.web;

import io.cairn.common.text.GoJson;
import io.cairn.promql.engine.Point;
import io.cairn.promql.engine.RangeSeries;
import io.cairn.promql.engine.Sample;
import io.cairn.promql.engine.Value;

/** Query results in Prometheus's JSON ({@code {"resultType":…,"result":…}}), as its v1 API renders them. */
final class QueryJson {
  private QueryJson() {}

  /** {@code {"status":"success","data":{"resultType":"…","result":…}}}. */
  static String success(Value value) {
    StringBuilder sb = new StringBuilder(256).append("{\"status\":\"success\",\"data\":{\"resultType\":");
    switch (value) {
      case Value.Scalar s -> {
        sb.append("\"scalar\",\"result\":[");
        PromJson.scalarTimestamp(s.t(), sb); // Scalar.MarshalJSON: FormatFloat, trailing zeros dropped
        sb.append(',');
        PromJson.value(s.v(), sb); // Scalar.MarshalJSON: 'f' always
        sb.append(']');
      }
      case Value.StringValue s -> {
        sb.append("\"string\",\"result\":[");
        PromJson.scalarTimestamp(s.t(), sb);
        sb.append(',');
        GoJson.appendJson(s.v(), sb);
        sb.append(']');
      }
      case Value.Vector v -> {
        sb.append("\"vector\",\"result\":[");
        boolean first = true;
        for (Sample s : v.samples()) {
          sb.append(first ? "{\"metric\":" : ",{\"metric\":");
          first = false;
          PromJson.labels(s.labels(), sb);
          sb.append(",\"value\":");
          point(s.t(), s.v(), sb);
          sb.append('}');
        }
        sb.append(']');
      }
      case Value.Matrix m -> {
        sb.append("\"matrix\",\"result\":[");
        boolean first = true;
        for (RangeSeries s : m.series()) {
          sb.append(first ? "{\"metric\":" : ",{\"metric\":");
          first = false;
          PromJson.labels(s.labels(), sb);
          sb.append(",\"values\":[");
          boolean firstPoint = true;
          for (Point p : s.points()) {
            if (!firstPoint) {
              sb.append(',');
            }
            firstPoint = false;
            point(p.t(), p.v(), sb);
          }
          sb.append("]}");
        }
        sb.append(']');
      }
    }
    return sb.append("}}").toString();
  }

  private static void point(long t, double v, StringBuilder sb) {
    sb.append('[');
    PromJson.timestamp(t, sb);
    sb.append(',');
    PromJson.pointValue(v, sb);
    sb.append(']');
  }
}
