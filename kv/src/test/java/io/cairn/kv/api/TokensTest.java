package io.cairn.kv.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class TokensTest {
  private static final ByteString SECRET = ByteString.copyFromUtf8("0123456789abcdef0123456789abcdef");
  private static final ByteString HASH = ByteString.copyFromUtf8("$2a$10$hash");

  @Test
  void aTokenIsValidForItsUserUntilItExpires() {
    String token = Tokens.issue(SECRET, "alice", HASH, 1_000);
    Tokens.Parsed t = Tokens.parse(token);
    assertThat(t.user()).isEqualTo("alice");
    assertThat(Tokens.valid(t, SECRET, HASH, 999)).isTrue();
    assertThat(Tokens.valid(t, SECRET, HASH, 1_000)).as("expired").isFalse();
  }

  @Test
  void anotherSecretPasswordOrUserInvalidatesIt() {
    Tokens.Parsed t = Tokens.parse(Tokens.issue(SECRET, "alice", HASH, 1_000));
    assertThat(Tokens.valid(t, ByteString.copyFromUtf8("other-secret-other-secret-000000"), HASH, 0)).isFalse();
    assertThat(Tokens.valid(t, SECRET, ByteString.copyFromUtf8("$2a$10$other"), 0)).isFalse();
    assertThat(Tokens.valid(t, ByteString.EMPTY, HASH, 0)).as("auth disabled: no secret").isFalse();
    Tokens.Parsed forged = new Tokens.Parsed("bob", t.expiryMillis(), t.signature());
    assertThat(Tokens.valid(forged, SECRET, HASH, 0)).isFalse();
    Tokens.Parsed extended = new Tokens.Parsed("alice", t.expiryMillis() + 1, t.signature());
    assertThat(Tokens.valid(extended, SECRET, HASH, 0)).isFalse();
  }

  @Test
  void malformedTokensAreRefused() {
    assertThat(Tokens.parse(null)).isNull();
    assertThat(Tokens.parse("")).isNull();
    assertThat(Tokens.parse("abc.def")).isNull();
    assertThat(Tokens.parse("YQ.notanumber.YQ")).isNull();
    assertThat(Tokens.parse("!!.1.YQ")).isNull();
    assertThat(Tokens.parse("YQ.1.YQ" + "A".repeat(Tokens.MAX_TOKEN_CHARS))).isNull();
  }

  @Property(tries = 500)
  void parsingAnyStringNeverThrows(@ForAll String token) {
    Tokens.Parsed t = Tokens.parse(token);
    if (t != null) {
      assertThat(Tokens.valid(t, SECRET, HASH, 0)).isFalse();
    }
  }
}
