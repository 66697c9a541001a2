package io.cairn.gateway.middleware;

import io.cairn.common.text.re2.GoRegex;

/**
 * {@code replacePathRegex}: when the regex matches the escaped path, the escaped path goes to
 * {@code X-Replaced-Path} and every match is replaced ({@code $1}, {@code ${name}} as Go); the
 * result is the new raw path, its decoding the path. An empty replacement does nothing, as in
 * Traefik.
 */
final class ReplacePathRegex implements Middleware {
  private final GoRegex regex;
  private final String replacement;

  ReplacePathRegex(GoRegex regex, String replacement) {
    this.regex = regex;
    this.replacement = replacement;
  }

  @Override
  public Outcome onRequest(Exchange ex) {
    String current = ex.rawPath().isEmpty() ? ex.escapedPath() : ex.rawPath();
    if (replacement.isEmpty() || !regex.pattern().matcher(current).find()) {
      return Outcome.CONTINUE;
    }
    ex.requestHeaders().add(ReplacePath.REPLACED_PATH, current);
    return ReplacePath.setRaw(ex, regex.replaceAll(current, replacement));
  }
}
