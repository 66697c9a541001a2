package io.cairn.monitor.rules;

import io.cairn.monitor.template.AlertTemplates;
import io.cairn.monitor.template.TemplateException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules' use of {@link AlertTemplates}: a text without {@code {{} has no action and is used as
 * it is (Prometheus would give the same result); only texts with actions are parsed or expanded.
 * While the template engine is not available ({@link UnsupportedOperationException}) such texts
 * pass the check and are used unexpanded.
 */
final class Templates {
  private static final Logger log = LoggerFactory.getLogger(Templates.class);

  private Templates() {}

  /** Null if the template parses, else Go's message ({@code template: __alert_A:1: ...}). */
  static String check(String ruleName, String text) {
    if (!text.contains("{{")) {
      return null;
    }
    try {
      AlertTemplates.check(ruleName, text);
      return null;
    } catch (TemplateException e) {
      return e.getMessage();
    } catch (UnsupportedOperationException e) {
      return null;
    }
  }

  /** The expansion, or {@code <error expanding template: message>} as Prometheus. */
  static String expand(String ruleName, String text, AlertTemplates.Context context) {
    if (!text.contains("{{")) {
      return text;
    }
    try {
      return AlertTemplates.expand(ruleName, text, context);
    } catch (TemplateException e) {
      log.warn("expanding the template of alert {} failed: {}", ruleName, e.getMessage());
      return "<error expanding template: " + e.getMessage() + ">";
    } catch (UnsupportedOperationException e) {
      return text;
    }
  }
}
