package io.cairn.monitor.template;

import java.util.List;
import java.util.Map;

/**
 * Expands the label and annotation templates of alerting rules as Prometheus 2.42 does: the text is
 * prefixed with {@code {{$labels := .Labels}}{{$externalLabels := .ExternalLabels}}
 * {{$externalURL := .ExternalURL}}{{$value := .Value}}} and run as a Go text/template named
 * {@code __alert_<rule name>}.
 *
 * <p>Thread-safe and stateless.
 */
public final class AlertTemplates {
  private AlertTemplates() {}

  /** Runs an instant query for the template function {@code query}. */
  @FunctionalInterface
  public interface QueryFunction {
    /** The instant vector of {@code expr} at {@code timeMillis}; throws with the reason on failure. */
    List<QuerySample> query(String expr, long timeMillis) throws Exception;
  }

  /** One sample of a {@code query} result: labels (with {@code __name__}) and value. */
  public record QuerySample(Map<String, String> labels, double value) {}

  /**
   * What a template sees.
   *
   * @param labels the alert's labels ({@code $labels})
   * @param externalLabels the global external labels ({@code $externalLabels})
   * @param externalUrl {@code --web.external-url} ({@code $externalURL})
   * @param value the sample value ({@code $value})
   * @param timeMillis the evaluation time (for {@code query})
   * @param query the {@code query} function; null makes {@code query} fail with an error
   */
  public record Context(Map<String, String> labels, Map<String, String> externalLabels, String externalUrl,
      double value, long timeMillis, QueryFunction query) {}

  /**
   * Parses a template without running it, as {@code promtool check rules} does.
   *
   * @param name the rule's name (the template is named {@code __alert_<name>})
   * @throws TemplateException with Go's message, such as {@code template: __alert_x:1: function
   *     "nope" not defined}
   */
  public static void check(String name, String text) throws TemplateException {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /**
   * Expands a template.
   *
   * @throws TemplateException with Go's message when parsing or execution fails; the rules manager
   *     then uses {@code <error expanding template: message>} as the value, as Prometheus does
   */
  public static String expand(String name, String text, Context context) throws TemplateException {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
