package io.cairn.gateway.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Go's {@code TestServeContent} precondition cases ({@code net/http/fs_test.go}), on the decision alone. */
class PreconditionsTest {
  // Wed, 25 Jun 2014 17:12:18 GMT, Go's test modtime
  private static final long MODTIME = 1403716338L;
  private static final String MODTIME_TEXT = "Wed, 25 Jun 2014 17:12:18 GMT";

  private static Preconditions.Result check(String method, String ifMatch, String ius, String inm, String ims,
      String ifRange, String range, String etag, long modtime) {
    return Preconditions.check(new Preconditions.Request(method, ifMatch, ius, inm, ims, ifRange, range), etag, modtime);
  }

  private static Preconditions.Result get(String inm, String ims, String etag) {
    return check("GET", null, null, inm, ims, null, null, etag, MODTIME);
  }

  @Test
  void notModified() {
    assertThat(get(null, MODTIME_TEXT, "")).isInstanceOf(Preconditions.NotModified.class);
    assertThat(get("\"foo\"", null, "\"foo\"")).isInstanceOf(Preconditions.NotModified.class);
    assertThat(get("W/\"foo\"", null, "\"foo\"")).as("If-None-Match compares weakly")
        .isInstanceOf(Preconditions.NotModified.class);
    assertThat(get("\"a\", \"foo\"", null, "\"foo\"")).isInstanceOf(Preconditions.NotModified.class);
    assertThat(get("*", null, "\"foo\"")).isInstanceOf(Preconditions.NotModified.class);
    assertThat(check("HEAD", null, null, "\"foo\"", null, null, null, "\"foo\"", MODTIME))
        .isInstanceOf(Preconditions.NotModified.class);
  }

  @Test
  void modifiedOrMismatched() {
    assertThat(get("\"Bar\"", null, "\"Foo\"")).isEqualTo(new Preconditions.Proceed(Optional.empty()));
    assertThat(get("\"Foo", null, "\"Foo\"")).as("malformed If-None-Match").isInstanceOf(Preconditions.Proceed.class);
    assertThat(get(null, "Wed, 25 Jun 2014 17:12:17 GMT", "")).isInstanceOf(Preconditions.Proceed.class);
    assertThat(get(null, "not a date", "")).isInstanceOf(Preconditions.Proceed.class);
    assertThat(get("\"Bar\"", MODTIME_TEXT, "\"Foo\"")).as("If-None-Match wins over If-Modified-Since")
        .isInstanceOf(Preconditions.Proceed.class);
  }

  @Test
  void ifMatchAndIfUnmodifiedSince() {
    assertThat(check("GET", "\"Z\", \"A\"", null, null, null, null, null, "\"A\"", MODTIME))
        .isInstanceOf(Preconditions.Proceed.class);
    assertThat(check("GET", "*", null, null, null, null, null, "\"A\"", MODTIME)).isInstanceOf(Preconditions.Proceed.class);
    assertThat(check("GET", "\"B\"", null, null, null, null, null, "\"A\"", MODTIME)).isInstanceOf(Preconditions.Failed.class);
    assertThat(check("GET", "W/\"A\"", null, null, null, null, null, "W/\"A\"", MODTIME))
        .as("If-Match compares strongly").isInstanceOf(Preconditions.Failed.class);
    assertThat(check("GET", null, MODTIME_TEXT, null, null, null, null, "", MODTIME)).isInstanceOf(Preconditions.Proceed.class);
    assertThat(check("GET", null, "Wed, 25 Jun 2014 17:11:18 GMT", null, null, null, null, "", MODTIME))
        .isInstanceOf(Preconditions.Failed.class);
    assertThat(check("PUT", null, null, "\"A\"", null, null, null, "\"A\"", MODTIME))
        .as("If-None-Match false on other methods").isInstanceOf(Preconditions.Failed.class);
  }

  @Test
  void ifRange() {
    Optional<String> r = Optional.of("bytes=0-4");
    assertThat(check("GET", null, null, null, null, null, "bytes=0-4", "", MODTIME)).isEqualTo(new Preconditions.Proceed(r));
    assertThat(check("GET", null, null, null, null, "\"A\"", "bytes=0-4", "\"A\"", MODTIME)).isEqualTo(new Preconditions.Proceed(r));
    assertThat(check("GET", null, null, null, null, "W/\"A\"", "bytes=0-4", "W/\"A\"", MODTIME))
        .as("weak If-Range never matches").isEqualTo(new Preconditions.Proceed(Optional.empty()));
    assertThat(check("GET", null, null, null, null, "\"B\"", "bytes=0-4", "\"A\"", MODTIME))
        .isEqualTo(new Preconditions.Proceed(Optional.empty()));
    assertThat(check("GET", null, null, null, null, MODTIME_TEXT, "bytes=0-4", "", MODTIME)).isEqualTo(new Preconditions.Proceed(r));
    assertThat(check("GET", null, null, null, null, "Wed, 25 Jun 2014 17:12:19 GMT", "bytes=0-4", "", MODTIME))
        .isEqualTo(new Preconditions.Proceed(Optional.empty()));
  }

  @Test
  void httpDatesInGosThreeLayouts() {
    assertThat(Validators.parseHttpDate("Sun, 06 Nov 1994 08:49:37 GMT")).contains(784111777L);
    assertThat(Validators.parseHttpDate("Sunday, 06-Nov-94 08:49:37 GMT")).contains(784111777L);
    assertThat(Validators.parseHttpDate("Sun Nov  6 08:49:37 1994")).contains(784111777L);
    assertThat(Validators.httpDate(784111777L)).isEqualTo("Sun, 06 Nov 1994 08:49:37 GMT");
    assertThat(Validators.etag(1_700_000_000_123L, 13)).isEqualTo("\"" + Long.toString(1_700_000_000L, 36) + "d\"");
  }
}
