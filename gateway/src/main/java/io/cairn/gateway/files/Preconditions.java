package io.cairn.gateway.files;

import java.util.Optional;

/**
 * Go's {@code checkPreconditions} ({@code net/http/fs.go}) for one file: {@code If-Match}, else
 * {@code If-Unmodified-Since} (412 when false); {@code If-None-Match} (304 for GET/HEAD, else 412),
 * else {@code If-Modified-Since} (304); then {@code If-Range} decides whether {@code Range} counts.
 * Dates compare at one-second precision; a date that does not parse is ignored.
 */
final class Preconditions {
  private Preconditions() {}

  /** What the request's conditions decide. */
  sealed interface Result {}

  /** Serve; {@code range} is the {@code Range} header to honour, or empty. */
  record Proceed(Optional<String> range) implements Result {}

  /** 304 Not Modified. */
  record NotModified() implements Result {}

  /** 412 Precondition Failed. */
  record Failed() implements Result {}

  private enum Cond { NONE, TRUE, FALSE }

  /** The request's header values, null when absent. */
  record Request(String method, String ifMatch, String ifUnmodifiedSince, String ifNoneMatch,
      String ifModifiedSince, String ifRange, String range) {}

  /**
   * @param etag the representation's entity tag, empty when it has none
   * @param modifiedSeconds its modification time, seconds since the epoch; 0 when unknown
   */
  static Result check(Request r, String etag, long modifiedSeconds) {
    Cond ch = ifMatch(r.ifMatch(), etag);
    if (ch == Cond.NONE) {
      ch = ifUnmodifiedSince(r.ifUnmodifiedSince(), modifiedSeconds);
    }
    if (ch == Cond.FALSE) {
      return new Failed();
    }
    boolean getOrHead = r.method().equals("GET") || r.method().equals("HEAD");
    switch (ifNoneMatch(r.ifNoneMatch(), etag)) {
      case FALSE -> {
        return getOrHead ? new NotModified() : new Failed();
      }
      case NONE -> {
        if (getOrHead && ifModifiedSince(r.ifModifiedSince(), modifiedSeconds) == Cond.FALSE) {
          return new NotModified();
        }
      }
      case TRUE -> { }
    }
    String range = r.range();
    if (range != null && !range.isEmpty() && getOrHead && ifRange(r.ifRange(), etag, modifiedSeconds) == Cond.FALSE) {
      range = null;
    }
    return new Proceed(Optional.ofNullable(range).filter(s -> !s.isEmpty()));
  }

  private static Cond ifMatch(String im, String etag) {
    if (im == null || im.isEmpty()) {
      return Cond.NONE;
    }
    String rest = im;
    while (true) {
      rest = rest.strip();
      if (rest.isEmpty()) {
        break;
      }
      if (rest.startsWith(",")) {
        rest = rest.substring(1);
        continue;
      }
      if (rest.startsWith("*")) {
        return Cond.TRUE;
      }
      Optional<String[]> e = Validators.scanEtag(rest);
      if (e.isEmpty()) {
        break;
      }
      if (Validators.strongMatch(e.get()[0], etag)) {
        return Cond.TRUE;
      }
      rest = e.get()[1];
    }
    return Cond.FALSE;
  }

  private static Cond ifNoneMatch(String inm, String etag) {
    if (inm == null || inm.isEmpty()) {
      return Cond.NONE;
    }
    String rest = inm;
    while (true) {
      rest = rest.strip();
      if (rest.isEmpty()) {
        break;
      }
      if (rest.startsWith(",")) {
        rest = rest.substring(1);
        continue;
      }
      if (rest.startsWith("*")) {
        return Cond.FALSE;
      }
      Optional<String[]> e = Validators.scanEtag(rest);
      if (e.isEmpty()) {
        break;
      }
      if (!etag.isEmpty() && Validators.weakMatch(e.get()[0], etag)) {
        return Cond.FALSE;
      }
      rest = e.get()[1];
    }
    return Cond.TRUE;
  }

  private static Cond ifUnmodifiedSince(String ius, long modified) {
    if (ius == null || ius.isEmpty() || modified == 0) {
      return Cond.NONE;
    }
    Optional<Long> t = Validators.parseHttpDate(ius);
    if (t.isEmpty()) {
      return Cond.NONE;
    }
    return modified <= t.get() ? Cond.TRUE : Cond.FALSE;
  }

  private static Cond ifModifiedSince(String ims, long modified) {
    if (ims == null || ims.isEmpty() || modified == 0) {
      return Cond.NONE;
    }
    Optional<Long> t = Validators.parseHttpDate(ims);
    if (t.isEmpty()) {
      return Cond.NONE;
    }
    return modified <= t.get() ? Cond.FALSE : Cond.TRUE;
  }

  private static Cond ifRange(String ir, String etag, long modified) {
    if (ir == null || ir.isEmpty()) {
      return Cond.NONE;
    }
    Optional<String[]> e = Validators.scanEtag(ir);
    if (e.isPresent() && !e.get()[0].isEmpty()) {
      return Validators.strongMatch(e.get()[0], etag) ? Cond.TRUE : Cond.FALSE;
    }
    if (modified == 0) {
      return Cond.FALSE;
    }
    Optional<Long> t = Validators.parseHttpDate(ir);
    return t.isPresent() && t.get() == modified ? Cond.TRUE : Cond.FALSE;
  }
}
