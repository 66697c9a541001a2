package io.cairn.monitor.template;

import io.cairn.monitor.template.gotemplate.GoTemplate;
import io.cairn.monitor.template.gotemplate.GoTemplateException;
import io.cairn.monitor.template.gotemplate.Limits;
import java.util.List;
import java.util.Map;

/**
 * Expands the label and annotation templates of alerting rules as Prometheus 2.42 does: the text is
 * prefixed with {@code {{$labels := .Labels}}{{$externalLabels := .ExternalLabels}}
 * {{$externalURL := .ExternalURL}}{{$value := .Value}}} and run as a Go text/template named
 * {@code __alert_<rule name>}.
 *
 * <p>Thread-safe and stateless. Each expansion is bounded by {@link Limits#DEFAULT} (output, steps,
 * nesting of {@code template} calls); see the package documentation.
 */
public final class AlertTemplates {
  /** What Prometheus's {@code rules/alerting.go} puts before every label and annotation template. */
  static final String PREFIX =
      "{{$labels := .Labels}}{{$externalLabels := .ExternalLabels}}{{$externalURL := .ExternalURL}}{{$value := .Value}}";

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
   * @param labels the alert's labels ({@code $labels}); null means none
   * @param externalLabels the global external labels ({@code $externalLabels}); null means none
   * @param externalUrl {@code --web.external-url} ({@code $externalURL}); null as in promtool,
   *     where {@code $externalURL} is empty and {@code externalURL}/{@code pathPrefix} fail
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
    try {
      GoTemplate.parse("__alert_" + name, PREFIX + text, PromFunctions.NAMES);
    } catch (GoTemplateException e) {
      throw new TemplateException(e.getMessage(), e);
    }
  }

  /**
   * Expands a template.
   *
   * @throws TemplateException with Prometheus's message when parsing or execution fails, which
   *     wraps Go's: {@code error parsing template __alert_x: template: __alert_x:1: ...} or {@code
   *     error executing template __alert_x: template: __alert_x:1:115: executing "__alert_x" at
   *     <...>: ...}; the rules manager then uses {@code <error expanding template: message>} as the
   *     value, as Prometheus does
   */
  public static String expand(String name, String text, Context context) throws TemplateException {
    String tmplName = "__alert_" + name;
    GoTemplate t;
    try {
      t = GoTemplate.parse(tmplName, PREFIX + text, PromFunctions.NAMES);
    } catch (GoTemplateException e) {
      throw new TemplateException("error parsing template " + tmplName + ": " + e.getMessage(), e);
    }
    Map<String, String> labels = context.labels() == null ? Map.of() : context.labels();
    Map<String, String> external = context.externalLabels() == null ? Map.of() : context.externalLabels();
    String url = context.externalUrl() == null ? "" : context.externalUrl();
    AlertData data = new AlertData(labels, external, url, context.value());
    try {
      return t.execute(data, PromFunctions.forContext(context), Limits.DEFAULT);
    } catch (GoTemplateException e) {
      throw new TemplateException("error executing template " + tmplName + ": " + e.getMessage(), e);
    }
  }
}
