package io.cairn.kv.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Attributes;
import org.junit.jupiter.api.Test;

class CertificateUserTest {
  @Test
  void theSubjectsCommonNameNamesTheUser() {
    assertThat(CertificateUser.commonName("CN=alice,O=cairn,C=DE")).isEqualTo("alice");
    assertThat(CertificateUser.commonName("cn=Bob Smith")).isEqualTo("Bob Smith");
    assertThat(CertificateUser.commonName("CN=a\\,b,O=x")).isEqualTo("a,b");
  }

  @Test
  void ofSeveralCommonNamesTheLastEncodedOneWinsAsInGo() {
    // the string lists RDNs most specific first; the encoding, and Go's parsing, the other way round
    assertThat(CertificateUser.commonName("CN=leaf,OU=unit,CN=outer")).isEqualTo("leaf");
  }

  @Test
  void noOrAnEmptyCommonNameOrAnUnparsableNameIsNoUser() {
    assertThat(CertificateUser.commonName("O=cairn,C=DE")).isNull();
    assertThat(CertificateUser.commonName("CN=,O=cairn")).isNull();
    assertThat(CertificateUser.commonName("not a name")).isNull();
  }

  @Test
  void aConnectionWithoutTlsIsNoUser() {
    assertThat(CertificateUser.commonName(Attributes.EMPTY)).isNull();
  }
}
