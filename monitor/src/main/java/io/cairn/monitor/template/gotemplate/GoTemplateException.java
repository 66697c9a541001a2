package io.cairn.monitor.template.gotemplate;

/** A template failed to parse or execute; the message is Go's text/template message. */
public final class GoTemplateException extends Exception {
  public GoTemplateException(String message) {
    super(message);
  }
}
