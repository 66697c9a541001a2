package io.cairn.kv.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.common.config.ConfigException;
import io.cairn.kv.api.JwtTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** etcd's --auth-token spelling; the keys' PKCS#1 and SEC1 forms are read in KvAuthIT from openssl's files. */
class AuthTokenOptionTest {
  @TempDir Path dir;

  @Test
  void simpleIsTheDefaultAndTakesNoOptions() {
    assertThat(AuthTokenOption.parse("simple")).isSameAs(AuthTokenOption.SIMPLE);
    assertThat(AuthTokenOption.SIMPLE.load()).isNull();
    assertThatThrownBy(() -> AuthTokenOption.parse("simple,ttl=5m")).hasMessageContaining("no options after 'simple'");
    assertThatThrownBy(() -> AuthTokenOption.parse("jws")).hasMessageContaining("expected 'simple' or 'jwt,");
  }

  @Test
  void jwtNamesItsKeysMethodAndTtl() {
    AuthTokenOption o = AuthTokenOption.parse("jwt,pub-key=p.pem,priv-key=k.pem,sign-method=ES384,ttl=1h30m");
    assertThat(o.method()).isEqualTo(JwtTokens.Method.ES384);
    assertThat(o.publicKeyFile()).isEqualTo("p.pem");
    assertThat(o.privateKeyFile()).isEqualTo("k.pem");
    assertThat(o.ttlMillis()).isEqualTo(90 * 60_000L);
    assertThat(o.toString()).isEqualTo("jwt,pub-key=p.pem,priv-key=k.pem,sign-method=ES384,ttl=1h30m");
    assertThat(AuthTokenOption.parse("jwt,pub-key=p,priv-key=k,sign-method=RS256").ttlMillis()).isEqualTo(300_000);
  }

  @Test
  void aMissingOrUnknownJwtOptionIsNamed() {
    assertThatThrownBy(() -> AuthTokenOption.parse("jwt,pub-key=p,sign-method=RS256"))
        .hasMessageContaining("jwt needs priv-key=...");
    assertThatThrownBy(() -> AuthTokenOption.parse("jwt,pub-key=p,priv-key=k,sign-method=HS1024"))
        .hasMessageContaining("jwt sign-method 'HS1024': expected one of [HS256");
    assertThatThrownBy(() -> AuthTokenOption.parse("jwt,priv-key=k,sign-method=RS256"))
        .hasMessageContaining("jwt needs pub-key=... with sign-method=RS256");
    assertThatThrownBy(() -> AuthTokenOption.parse("jwt,pub-key=p,priv-key=k,sign-method=RS256,colour=blue"))
        .hasMessageContaining("jwt option 'colour=blue'");
    assertThatThrownBy(() -> AuthTokenOption.parse("jwt,pub-key=p,priv-key=k,sign-method=RS256,ttl=0s"))
        .hasMessageContaining("expected a positive duration");
  }

  @Test
  void pkcs8AndPublicKeyPemFilesLoad() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    KeyPair k = g.generateKeyPair();
    Path priv = pem("key.pem", "PRIVATE KEY", k.getPrivate().getEncoded());
    Path pub = pem("pub.pem", "PUBLIC KEY", k.getPublic().getEncoded());
    AuthTokenOption o = AuthTokenOption.parse("jwt,pub-key=" + pub + ",priv-key=" + priv + ",sign-method=PS256");
    assertThat(o.load()).isNotNull();
  }

  @Test
  void hmacMethodsTakeThePrivKeyFileBytesAsTheSecret() throws Exception {
    Path secret = Files.writeString(dir.resolve("secret"), "s3cret\n");
    AuthTokenOption o = AuthTokenOption.parse("jwt,priv-key=" + secret + ",sign-method=HS512");
    assertThat(o.publicKeyFile()).isEmpty();
    assertThat(o.load()).as("the bytes as the secret: KvAuthIT checks the signatures against etcd's").isNotNull();
    Path empty = Files.writeString(dir.resolve("empty"), "");
    assertThatThrownBy(() -> AuthTokenOption.parse("jwt,priv-key=" + empty + ",sign-method=HS256").load())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("expected a secret of 1 to 65536 bytes for sign-method=HS256, got 0");
    assertThatThrownBy(() -> AuthTokenOption.parse("jwt,priv-key=" + dir.resolve("none") + ",sign-method=HS256").load())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("cannot read the secret");
  }

  @Test
  void aMissingFileOrAKeyOfTheWrongKindFailsTheStartWithTheFlag() throws Exception {
    AuthTokenOption missing = AuthTokenOption.parse(
        "jwt,pub-key=" + dir.resolve("none.pem") + ",priv-key=" + dir.resolve("none.pem") + ",sign-method=RS256");
    assertThatThrownBy(missing::load).isInstanceOf(ConfigException.class)
        .hasMessageContaining("flag --auth-token: priv-key: cannot read '" + dir.resolve("none.pem") + "' as PEM");
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(256);
    KeyPair k = g.generateKeyPair();
    Path priv = pem("ec.pem", "PRIVATE KEY", k.getPrivate().getEncoded());
    Path pub = pem("ec-pub.pem", "PUBLIC KEY", k.getPublic().getEncoded());
    AuthTokenOption wrong = AuthTokenOption.parse("jwt,pub-key=" + pub + ",priv-key=" + priv + ",sign-method=RS256");
    assertThatThrownBy(wrong::load).isInstanceOf(ConfigException.class)
        .hasMessage("flag --auth-token: sign-method RS256 needs RSA keys, got a EC key");
  }

  private Path pem(String name, String type, byte[] der) throws Exception {
    String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
    return Files.writeString(dir.resolve(name), "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
  }
}
