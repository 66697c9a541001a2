package io.cairn.monitor.template;

/** A template failed to parse or to execute; the message is Go's text/template message. */
public final class TemplateException extends Exception {
  public TemplateException(String message) {
    super(message);
  }

  public TemplateException(String message, Throwable cause) {
    super(message, cause);
  }
}
