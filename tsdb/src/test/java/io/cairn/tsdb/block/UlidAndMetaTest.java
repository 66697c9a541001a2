package io.cairn.tsdb.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class UlidAndMetaTest {
  @Test
  void ulidsRoundTripAndAreMonotonic() {
    Ulid prev = Ulid.next();
    for (int i = 0; i < 1000; i++) {
      Ulid u = Ulid.next();
      assertThat(u).isGreaterThan(prev);
      assertThat(u.toString().compareTo(prev.toString())).isPositive();
      assertThat(Ulid.parse(u.toString())).isEqualTo(u);
      prev = u;
    }
    Ulid fixed = Ulid.parse("01ARZ3NDEKTSV4RRFFQ69G5FAV"); // the ULID spec's example
    assertThat(fixed.timestamp()).isEqualTo(1469922850259L);
    // the golden block's ULID, made by promtool 2.42 at Unix second 1795301226
    assertThat(Ulid.parse("01M804NDS3CPAH6KM7M2HGH99J").timestamp()).isEqualTo(1795301226275L);
    assertThat(fixed.toString()).isEqualTo("01ARZ3NDEKTSV4RRFFQ69G5FAV");
    assertThat(Ulid.parse("7ZZZZZZZZZZZZZZZZZZZZZZZZZ")).isEqualTo(new Ulid(-1, -1));
    assertThatThrownBy(() -> Ulid.parse("8ZZZZZZZZZZZZZZZZZZZZZZZZZ")).hasMessageContaining("first is 0-7");
    assertThatThrownBy(() -> Ulid.parse("01ARZ3NDEKTSV4RRFFQ69G5FAU")).hasMessageContaining("Crockford");
    Ulid sameMs = Ulid.next(1);
    assertThat(Ulid.next(1)).isGreaterThan(sameMs);
  }

  @Test
  void metaJsonRoundTripsWithParents() throws Exception {
    Ulid u = Ulid.parse("01ARZ3NDEKTSV4RRFFQ69G5FAV");
    Ulid p = Ulid.parse("01ARZ3NDEKTSV4RRFFQ69G5FAW");
    BlockMeta m = new BlockMeta(u, -5, 10, new BlockMeta.Stats(3, 0, 1, 0),
        new BlockMeta.Compaction(2, List.of(p), List.of(new BlockMeta.Parent(p, -5, 10))));
    String json = MetaJson.encode(m);
    assertThat(json).isEqualTo("""
        {
        \t"ulid": "01ARZ3NDEKTSV4RRFFQ69G5FAV",
        \t"minTime": -5,
        \t"maxTime": 10,
        \t"stats": {
        \t\t"numSamples": 3,
        \t\t"numChunks": 1
        \t},
        \t"compaction": {
        \t\t"level": 2,
        \t\t"sources": [
        \t\t\t"01ARZ3NDEKTSV4RRFFQ69G5FAW"
        \t\t],
        \t\t"parents": [
        \t\t\t{
        \t\t\t\t"ulid": "01ARZ3NDEKTSV4RRFFQ69G5FAW",
        \t\t\t\t"minTime": -5,
        \t\t\t\t"maxTime": 10
        \t\t\t}
        \t\t]
        \t},
        \t"version": 1
        }""");
    assertThat(MetaJson.decode(Path.of("meta.json"), json.getBytes(StandardCharsets.UTF_8))).isEqualTo(m);
  }

  @Test
  void badMetaJsonIsNamed() {
    assertThatThrownBy(() -> MetaJson.decode(Path.of("m"), "{\"version\": 2}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(BlockFormatException.class).hasMessageContaining("expected 1");
    assertThatThrownBy(() -> MetaJson.decode(Path.of("m"), "{\"version\": 1, \"ulid\": \"x\"}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(BlockFormatException.class).hasMessageContaining("26 characters");
    assertThatThrownBy(() -> MetaJson.decode(Path.of("m"), "[".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(BlockFormatException.class);
  }
}
