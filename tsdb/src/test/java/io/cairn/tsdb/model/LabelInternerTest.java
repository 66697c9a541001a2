package io.cairn.tsdb.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

class LabelInternerTest {
  /** Labels whose strings are fresh objects, as a parser makes them. */
  private static Labels fresh(String... namesAndValues) {
    String[] copy = new String[namesAndValues.length];
    for (int i = 0; i < copy.length; i++) {
      copy[i] = new String(namesAndValues[i].toCharArray());
    }
    return Labels.of(copy);
  }

  @Test
  void equalLabelsShareOneObjectAndNamesShareOneString() {
    LabelInterner in = new LabelInterner();
    Labels a = in.intern(fresh("__name__", "http_requests_total", "code", "200", "job", "api"));
    Labels b = in.intern(fresh("__name__", "http_requests_total", "code", "500", "job", "api"));

    assertThat((Object) a).isEqualTo(Labels.of("__name__", "http_requests_total", "code", "200", "job", "api"));
    assertThat(a.get(0)).isSameAs(b.get(0));
    assertThat(a.get(2)).isSameAs(b.get(2));
    assertThat(a.get(1)).isNotSameAs(b.get(1)).isNotEqualTo(b.get(1));
    assertThat(a.get(1).name()).isSameAs(b.get(1).name()); // "code" once, in two pairs
    assertThat(in.size()).isEqualTo(4);
  }

  @Test
  void internedLabelsComeBackAsTheSameInstance() {
    LabelInterner in = new LabelInterner();
    Labels a = in.intern(fresh("job", "x", "instance", "h:1"));
    assertThat((Object) in.intern(a)).isSameAs(a);
    assertThat((Object) in.intern(Labels.EMPTY)).isSameAs(Labels.EMPTY);
  }

  @Test
  void retainOnlyForgetsPairsNoLiveSetHolds() {
    LabelInterner in = new LabelInterner();
    Labels keep = in.intern(fresh("job", "x", "pod", "p1"));
    in.intern(fresh("job", "x", "pod", "p2"));
    assertThat(in.size()).isEqualTo(3);

    in.retainOnly(List.of(keep));

    assertThat(in.size()).isEqualTo(2);
    Labels again = in.intern(fresh("job", "x", "pod", "p1"));
    assertThat(again.get(0)).isSameAs(keep.get(0));
    assertThat(again.get(1)).isSameAs(keep.get(1));
  }

  @Test
  void randomLabelSetsStayEqualToTheirInput() {
    LabelInterner in = new LabelInterner();
    ThreadLocalRandom r = ThreadLocalRandom.current();
    List<Labels> inputs = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      int n = r.nextInt(0, 6);
      String[] nv = new String[2 * n];
      for (int j = 0; j < n; j++) {
        nv[2 * j] = "l" + r.nextInt(8);
        nv[2 * j + 1] = "v" + r.nextInt(20);
      }
      inputs.add(fresh(nv));
    }
    for (Labels l : inputs) {
      Labels interned = in.intern(l);
      assertThat((Object) interned).isEqualTo(l);
      assertThat(interned.hashCode()).isEqualTo(l.hashCode());
      assertThat(interned.toString()).isEqualTo(l.toString());
    }
    assertThat(in.size()).isLessThanOrEqualTo(8 * 20);
  }
}
