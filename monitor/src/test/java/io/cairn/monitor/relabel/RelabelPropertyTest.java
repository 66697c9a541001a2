package io.cairn.monitor.relabel;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.tsdb.model.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Relabelling never throws, whatever the labels and whichever valid steps. */
class RelabelPropertyTest {
  private static final List<String> NAMES = List.of("a", "b", "__name__", "job", "__meta_x", "instance");
  private static final List<String> REGEXES = List.of("(.*)", "", "a", "(a|b)+", "(?P<n>.)(.*)", "(?i)ab.*", "[^;]*;(.*)", ".+", "\\d+", "__meta_(.*)");
  private static final List<String> TEMPLATES = List.of("$1", "${1}", "$1x", "x", "${n}", "$$", "$", "${2}_${1}", "");

  @Provide
  Arbitrary<Labels> labels() {
    return Arbitraries.maps(Arbitraries.of(NAMES), Arbitraries.strings().ofMaxLength(12)).ofMaxSize(5).map(Labels::from);
  }

  @Provide
  Arbitrary<List<RelabelConfig>> configs() {
    Arbitrary<RelabelConfig> one = Combinators.combine(
            Arbitraries.of(Action.values()),
            Arbitraries.of(NAMES).list().ofMaxSize(3),
            Arbitraries.of(REGEXES),
            Arbitraries.of(TEMPLATES),
            Arbitraries.of(NAMES),
            Arbitraries.longs().between(1, 1000))
        .as((action, src, regex, template, target, modulus) -> build(action, src, regex, template, target, modulus))
        .filter(c -> c != null);
    return one.list().ofMaxSize(4);
  }

  private static RelabelConfig build(Action a, List<String> src, String regex, String template, String target, long modulus) {
    try {
      return switch (a) {
        case LABELDROP, LABELKEEP -> RelabelConfig.of(null, null, regex, null, null, null, a);
        case LABELMAP -> RelabelConfig.of(null, null, regex, null, null, template.isEmpty() ? null : template, a);
        case KEEPEQUAL, DROPEQUAL, LOWERCASE, UPPERCASE -> RelabelConfig.of(src, null, null, null, target, null, a);
        case HASHMOD -> RelabelConfig.of(src, null, null, modulus, target, null, a);
        default -> RelabelConfig.of(src, null, regex, null, template.contains("$") ? "${1}" + target : target, template, a);
      };
    } catch (IllegalArgumentException e) {
      return null; // an invalid combination; validation's own tests cover those
    }
  }

  @Property(tries = 500)
  void neverThrows(@ForAll("labels") Labels in, @ForAll("configs") List<RelabelConfig> configs) {
    Labels out = Relabel.process(in, configs);
    if (out != null) {
      for (var l : out) {
        assertThat(l.name()).isNotEmpty();
        assertThat(l.value()).isNotEmpty();
      }
    }
    assertThat((Object) Relabel.process(in, List.of())).isEqualTo(in);
  }

  @Property(tries = 200)
  void replaceWithDefaultsCopiesTheSourceValue(@ForAll("labels") Labels in) {
    RelabelConfig copy = RelabelConfig.builder().sourceLabels("a").targetLabel("copy").build();
    Labels out = Relabel.process(in, List.of(copy));
    assertThat(out.get("copy")).isEqualTo(in.get("a"));
    Map<String, String> rest = new java.util.TreeMap<>();
    out.forEach(l -> rest.put(l.name(), l.value()));
    rest.remove("copy");
    List<String> names = new ArrayList<>(rest.keySet());
    assertThat(names).allMatch(in::has);
  }
}
