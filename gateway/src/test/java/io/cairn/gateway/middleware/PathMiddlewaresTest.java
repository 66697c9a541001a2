package io.cairn.gateway.middleware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.gateway.config.Middleware.AddPrefix;
import io.cairn.gateway.config.Middleware.ReplacePath;
import io.cairn.gateway.config.Middleware.ReplacePathRegex;
import io.cairn.gateway.config.Middleware.StripPrefix;
import io.cairn.gateway.config.Middleware.StripPrefixRegex;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Traefik's strip_prefix_test.go, strip_prefix_regex_test.go, add_prefix_test.go, replace_path*_test.go. */
class PathMiddlewaresTest {

  private static void check(Middleware m, String path, int status, String expPath, String expRaw,
      String header, String headerValue, String expUri) {
    Exchange ex = Fx.get("http://localhost" + path);
    Outcome o = m.onRequest(ex);
    if (status != 200) {
      assertThat(o).isInstanceOf(Outcome.Respond.class);
      assertThat(((Outcome.Respond) o).status()).isEqualTo(status);
      return;
    }
    assertThat(o).isEqualTo(Outcome.CONTINUE);
    assertThat(ex.path()).as("path").isEqualTo(expPath);
    assertThat(ex.rawPath()).as("raw path").isEqualTo(expRaw);
    assertThat(ex.requestHeaders().get(header)).as(header).isEqualTo(headerValue);
    if (expUri != null) {
      assertThat(ex.requestUri()).as("request URI").isEqualTo(expUri);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
      no prefixes configured                       | ''              | /noprefixes  | 200 | /noprefixes | ''      | ''
      wildcard requests                            | /               | /            | 200 | ''          | ''      | /
      prefix and path matching                     | /stat           | /stat        | 200 | ''          | ''      | /stat
      path prefix on exactly matching path         | /stat/          | /stat/       | 200 | ''          | ''      | /stat/
      path prefix on matching longer path          | /stat/          | /stat/us     | 200 | /us         | ''      | /stat/
      path prefix on mismatching path              | /stat/          | /status      | 200 | /status     | ''      | ''
      general prefix on matching path              | /stat           | /stat/       | 200 | /           | ''      | /stat
      earlier prefix matching                      | /stat,/stat/us  | /stat/us     | 200 | /us         | ''      | /stat
      later prefix matching                        | /mismatch,/stat | /stat        | 200 | ''          | ''      | /stat
      prefix matching within slash boundaries      | /stat           | /status      | 200 | /us         | ''      | /stat
      raw path is also stripped                    | /stat           | /stat/a%2Fb  | 200 | /a/b        | /a%2Fb  | /stat
      encoded char in prefix segment of raw path   | /api/           | /ap%69/a%2Fb | 200 | /a/b        | /a%2Fb  | /api/
      dot in the path not stripped by the prefix   | /api            | /api./foo    | 400 | ''          | ''      | ''
      multiple dots not stripped by the prefix     | /api            | /api../foo   | 400 | ''          | ''      | ''
      """)
  void stripPrefix(String desc, String prefixes, String path, int status, String expPath, String expRaw, String header) {
    List<String> list = prefixes.isEmpty() ? List.of() : List.of(prefixes.split(","));
    String uri = expRaw.isEmpty() ? expPath : expRaw;
    check(Fx.build(new StripPrefix(list)), path, status, expPath, expRaw, "X-Forwarded-Prefix", header,
        uri.isEmpty() ? "/" : uri);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      /a/test          | /a/test          | ''      | ''
      /a/test/         | /a/test/         | ''      | ''
      /a/api/          | ''               | ''      | /a/api/
      /a/api/test      | /test            | ''      | /a/api/
      /a/api/test/     | /test/           | ''      | /a/api/
      /b/api/          | ''               | ''      | /b/api/
      /b/api           | /b/api           | ''      | ''
      /b/api/test1     | /test1           | ''      | /b/api/
      /b/api2/test2    | /test2           | ''      | /b/api2/
      /c/api/123/      | ''               | ''      | /c/api/123/
      /c/api/123       | /c/api/123       | ''      | ''
      /c/api/123/test3 | /test3           | ''      | /c/api/123/
      /c/api/abc/test4 | /c/api/abc/test4 | ''      | ''
      /a/api/a%2Fb     | /a/b             | /a%2Fb  | /a/api/
      """)
  void stripPrefixRegex(String path, String expPath, String expRaw, String header) {
    Middleware m = Fx.build(new StripPrefixRegex(List.of("/a/api/", "/b/([a-z0-9]+)/", "/c/[a-z0-9]+/[0-9]+/")));
    check(m, path, 200, expPath, expRaw, "X-Forwarded-Prefix", header, null);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      regular path                        | /a | /b     | /a/b   | ''
      missing leading slash               | a  | /b     | /a/b   | ''
      raw path                            | /a | /b%2Fc | /a/b/c | /a/b%2Fc
      missing leading slash and raw path  | a  | /b%2Fc | /a/b/c | /a/b%2Fc
      """)
  void addPrefix(String desc, String prefix, String path, String expPath, String expRaw) {
    check(Fx.build(new AddPrefix(prefix)), path, 200, expPath, expRaw, "X-Unused", "", null);
  }

  @Test
  void addPrefixRefusesEmptyPrefix() {
    assertThatThrownBy(() -> Fx.build(new AddPrefix("")))
        .isInstanceOf(MiddlewareException.class).hasMessageContaining("\"test\"").hasMessageContaining("empty");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      simple path                    | /replacement-path      | /example   | /replacement-path      | /replacement-path      | /example
      long path                      | /some/really/long/path | /example   | /some/really/long/path | /some/really/long/path | /example
      path with escaped value        | /replacement-path      | /foo%2Fbar | /replacement-path      | /replacement-path      | /foo%2Fbar
      replacement with escaped char  | /foo%2Fbar             | /path      | /foo/bar               | /foo%2Fbar             | /path
      percent encoded backspace char | /foo%5Cbar             | /path      | /foo\\bar              | /foo%5Cbar             | /path
      """)
  void replacePath(String desc, String replacement, String path, String expPath, String expRaw, String header) {
    check(Fx.build(new ReplacePath(replacement)), path, 200, expPath.replace("\\\\", "\\"), expRaw,
        "X-Replaced-Path", header, null);
  }

  @Test
  void replacePathWithBadEscapeAnswers500() {
    Outcome o = Fx.build(new ReplacePath("/a%zz")).onRequest(Fx.get("http://localhost/x"));
    assertThat(o).isInstanceOfSatisfying(Outcome.Respond.class, r -> {
      assertThat(r.status()).isEqualTo(500);
      assertThat(r.bodyText()).isEqualTo("invalid URL escape \"%zz\"\n");
    });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      simple regex                     | /whoami/and/whoami | ^/whoami/(.*)         | /who-am-i/$1     | /who-am-i/and/whoami  | /who-am-i/and/whoami | /whoami/and/whoami
      simple replace (no regex)        | /whoami/and/whoami | /whoami               | /who-am-i        | /who-am-i/and/who-am-i | /who-am-i/and/who-am-i | /whoami/and/whoami
      empty replacement                | /whoami/and/whoami | /whoami               | ''               | /whoami/and/whoami    | ''         | ''
      empty trimmed replacement        | /whoami/and/whoami | /whoami               | ' '              | /whoami/and/whoami    | ''         | ''
      no match                         | /whoami/and/whoami | /toto                 | /totot           | /whoami/and/whoami    | ''         | ''
      multiple replacement             | /whoami/and/whoami | ^/whoami/(.*)/(.*)    | /who-am-i/$1/$2  | /who-am-i/and/whoami  | /who-am-i/and/whoami | /whoami/and/whoami
      replacement with escaped char    | /aaa/bbb           | /aaa/bbb              | /foo%2Fbar       | /foo/bar              | /foo%2Fbar | /aaa/bbb
      path and regex with escaped char | /aaa%2Fbbb         | /aaa%2Fbbb            | /foo/bar         | /foo/bar              | /foo/bar   | /aaa%2Fbbb
      path with escaped char no match  | /aaa%2Fbbb         | /aaa/bbb              | /foo/bar         | /aaa/bbb              | /aaa%2Fbbb | ''
      percent encoded backspace char   | /foo%5Cbar         | /foo%5Cbar            | /foo/bar         | /foo/bar              | /foo/bar   | /foo%5Cbar
      named group, Go syntax           | /users/42          | ^/users/(?P<id>\\d+)  | /u/${id}         | /u/42                 | /u/42      | /users/42
      """)
  void replacePathRegex(String desc, String path, String regex, String replacement, String expPath, String expRaw,
      String header) {
    Middleware m = Fx.build(new ReplacePathRegex(regex.replace("\\\\", "\\"), replacement));
    check(m, path, 200, expPath, expRaw, "X-Replaced-Path", header, null);
  }

  @Test
  void replacePathRegexRefusesBadRegex() {
    assertThatThrownBy(() -> Fx.build(new ReplacePathRegex("/(?/)", "/x")))
        .isInstanceOf(MiddlewareException.class).hasMessageStartingWith("middleware \"test\": bad regular expression");
  }

  @Test
  void goStyleExpansion() {
    var p = io.cairn.common.text.re2.GoRegex.compileUnanchored("(a)(b)");
    assertThat(p.replaceAll("xab", "$1x")).isEqualTo("x");
    assertThat(p.replaceAll("xab", "${1}x$$")).isEqualTo("xax$");
    assertThat(p.replaceAll("xab", "$9-$")).isEqualTo("x-$");
  }
}
