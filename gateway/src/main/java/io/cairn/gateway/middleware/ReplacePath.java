package io.cairn.gateway.middleware;

/**
 * {@code replacePath}: the escaped path goes to {@code X-Replaced-Path}; the configured path
 * becomes the raw path and its decoding the path (a bad {@code %} escape answers 500 with Go's
 * error text).
 */
final class ReplacePath implements Middleware {
  static final String REPLACED_PATH = "X-Replaced-Path";

  private final String path;

  ReplacePath(String path) {
    this.path = path;
  }

  @Override
  public Outcome onRequest(Exchange ex) {
    String current = ex.rawPath().isEmpty() ? ex.escapedPath() : ex.rawPath();
    ex.requestHeaders().add(REPLACED_PATH, current);
    return setRaw(ex, path);
  }

  /** Sets the raw path to {@code raw} and the path to its decoding, as Traefik. */
  static Outcome setRaw(Exchange ex, String raw) {
    String decoded = GoPath.unescape(raw);
    if (decoded == null) {
      return Outcome.Respond.goError(500, GoPath.unescapeError(raw));
    }
    ex.path(decoded, raw);
    return Outcome.CONTINUE;
  }
}
