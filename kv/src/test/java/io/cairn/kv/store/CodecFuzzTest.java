package io.cairn.kv.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Decoding arbitrary bytes must return or throw {@link IllegalArgumentException}, nothing else: the
 * bytes come from a Raft log or a peer, and a decoding bug must not look like a store failure.
 */
class CodecFuzzTest {
  private static final List<KvCommand> SAMPLES = List.copyOf(CodecGoldenTest.commands().values());

  @Provide
  Arbitrary<byte[]> randomBytes() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
  }

  /** Valid command encodings with some bytes overwritten and maybe truncated: deeper into parsing. */
  @Provide
  Arbitrary<byte[]> mutatedCommands() {
    return Arbitraries.of(SAMPLES)
        .flatMap(
            c -> {
              byte[] valid = c.encode();
              return Arbitraries.integers()
                  .between(0, valid.length - 1)
                  .list()
                  .ofMaxSize(4)
                  .flatMap(
                      positions ->
                          Arbitraries.bytes()
                              .list()
                              .ofSize(positions.size())
                              .flatMap(
                                  values ->
                                      Arbitraries.integers()
                                          .between(0, valid.length)
                                          .map(
                                              length -> {
                                                byte[] b = valid.clone();
                                                for (int i = 0; i < positions.size(); i++) {
                                                  b[positions.get(i)] = values.get(i);
                                                }
                                                return java.util.Arrays.copyOf(b, length);
                                              })));
            });
  }

  private static void decodeCommand(byte[] bytes) {
    try {
      KvCommand c = KvCommand.decode(bytes);
      assertThat(c).isNotNull();
    } catch (IllegalArgumentException expected) {
      assertThat(expected.getMessage()).isNotBlank();
    }
  }

  private static void decodeResults(byte[] bytes) {
    for (KvCommand c : SAMPLES) {
      try {
        assertThat(ApplyResult.decode(c, bytes)).isNotNull();
      } catch (IllegalArgumentException expected) {
        assertThat(expected.getMessage()).isNotBlank();
      }
    }
  }

  @Property(tries = 500)
  void commandsFromRandomBytes(@ForAll("randomBytes") byte[] bytes) {
    decodeCommand(bytes);
  }

  @Property(tries = 500)
  void commandsFromMutatedEncodings(@ForAll("mutatedCommands") byte[] bytes) {
    decodeCommand(bytes);
  }

  @Property(tries = 300)
  void resultsFromRandomBytes(@ForAll("randomBytes") byte[] bytes) {
    decodeResults(bytes);
    byte[] tagged = bytes.clone();
    if (tagged.length > 0) {
      tagged[0] = (byte) (tagged[0] & 1); // reach the body parsers
    }
    decodeResults(tagged);
  }
}
