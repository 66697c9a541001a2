package io.cairn.gateway.acme;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.asn1.ASN1OctetString;
import org.junit.jupiter.api.Test;

class ChallengeRespondersTest {

  @Test
  void httpChallengesAnswerOnlyLiveTokensOnTheChallengePath() {
    var http = new HttpChallenges();
    assertThat(http.answer("/.well-known/acme-challenge/tok")).isEmpty();
    http.publish("tok", "tok.thumb");
    assertThat(http.keyAuthorization("tok")).contains("tok.thumb");
    assertThat(http.answer("/.well-known/acme-challenge/tok")).contains("tok.thumb");
    assertThat(http.answer("/.well-known/acme-challenge/")).isEmpty();
    assertThat(http.answer("/.well-known/acme-challenge/tok/x")).isEmpty();
    assertThat(http.answer("/other/tok")).isEmpty();
    http.withdraw("tok");
    assertThat(http.answer("/.well-known/acme-challenge/tok")).isEmpty();
    assertThat(http.isEmpty()).isTrue();
  }

  @Test
  void tlsAlpnCertificatesCarryTheCriticalAcmeIdentifierAndOnlyTheDomain() throws Exception {
    byte[] validation = MessageDigest.getInstance("SHA-256")
        .digest("token.thumbprint".getBytes(StandardCharsets.US_ASCII));
    var tls = new TlsAlpnChallenges();
    tls.publish("Sni.Example.test", ValidationCertificates.create("sni.example.test", validation));

    var ck = tls.challengeCertificate("sni.example.test").orElseThrow();
    assertThat(tls.challengeCertificate("SNI.example.test")).contains(ck);
    assertThat(tls.challengeCertificate("other.example.test")).isEmpty();
    var leaf = ck.leaf();
    leaf.verify(leaf.getPublicKey());
    assertThat(leaf.getCriticalExtensionOIDs()).contains(TlsAlpnChallenges.ACME_IDENTIFIER_OID);
    byte[] ext = leaf.getExtensionValue(TlsAlpnChallenges.ACME_IDENTIFIER_OID);
    assertThat(ASN1OctetString.getInstance(ASN1OctetString.getInstance(ext).getOctets()).getOctets())
        .isEqualTo(validation);
    assertThat(leaf.getSubjectAlternativeNames()).hasSize(1)
        .first().isEqualTo(java.util.List.of(2, "sni.example.test"));
  }
}
