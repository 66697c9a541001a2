package io.cairn.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HostPortTest {
  @Test
  void parsesHostsAndBrackets() {
    assertThat(HostPort.parse("127.0.0.1:9901")).isEqualTo(new HostPort("127.0.0.1", 9901));
    assertThat(HostPort.parse("localhost:0")).isEqualTo(new HostPort("localhost", 0));
    assertThat(HostPort.parse("[::1]:2379")).isEqualTo(new HostPort("::1", 2379));
    assertThat(new HostPort("::1", 2379)).hasToString("[::1]:2379");
  }

  @Test
  void rejectsMalformedAddresses() {
    for (String bad : new String[] {"", "9901", ":9901", "host:", "host:x", "host:65536", "h:-1"}) {
      assertThatThrownBy(() -> HostPort.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("expected host:port");
    }
  }
}
