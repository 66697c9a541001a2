package io.cairn.kv.snapshot.bbolt;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.kv.store.KvStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Damaged snapshots must yield an {@link IOException} with a one-line message, never another
 * exception, a hang or an out-of-memory: the real etcd snapshot and a small file with a nested
 * bucket, with bytes overwritten (often in page headers and element headers, sometimes with the meta
 * checksums made right again so that damaged meta fields get through) and maybe truncated. The hash
 * check is skipped so that the damage reaches the reader.
 */
class BboltFuzzTest {
  private static Path dir;
  private static byte[] etcd;
  private static byte[] sample;

  @BeforeContainer
  static void writeBases() throws IOException {
    dir = Files.createTempDirectory("bbolt-fuzz-");
    byte[] golden = BboltGoldenTest.golden();
    etcd = Arrays.copyOf(golden, golden.length - 32);
    sample = BboltReaderTest.sample(new BoltWriter(1024));
  }

  @AfterContainer
  static void cleanUp() throws IOException {
    try (var files = Files.list(dir)) {
      for (Path p : files.toList()) {
        Files.delete(p);
      }
    }
    Files.delete(dir);
  }

  record Damage(int offset, byte value) {}

  record Damaged(String base, byte[] bytes) {
    @Override
    public String toString() {
      return base + " (" + bytes.length + " bytes)";
    }
  }

  /** Mostly in the first 80 bytes of a page (header, meta, first elements), else anywhere. */
  private static Arbitrary<Damage> damage(int length, int pageSize) {
    Arbitrary<Integer> header = Combinators.combine(
            Arbitraries.integers().between(0, length / pageSize - 1), Arbitraries.integers().between(0, 79))
        .as((page, at) -> Math.min(length - 1, page * pageSize + at));
    Arbitrary<Integer> anywhere = Arbitraries.integers().between(0, length - 1);
    return Combinators.combine(Arbitraries.frequencyOf(
            Tuple.of(3, header), Tuple.of(1, anywhere)), Arbitraries.bytes())
        .as(Damage::new);
  }

  private static Arbitrary<Damaged> damaged(String name, byte[] base, int pageSize) {
    return Combinators.combine(
            damage(base.length, pageSize).list().ofMinSize(1).ofMaxSize(8),
            Arbitraries.of(true, false),
            Arbitraries.integers().between(0, base.length).injectNull(0.7))
        .as((damages, resum, cut) -> {
          byte[] b = base.clone();
          for (Damage d : damages) {
            b[d.offset()] = d.value();
          }
          if (resum) {
            BoltWriter.resum(b, pageSize);
          }
          return new Damaged(name + " " + damages + (resum ? " resummed" : "") + (cut == null ? "" : " cut " + cut),
              cut == null ? b : Arrays.copyOf(b, cut));
        });
  }

  @Provide
  Arbitrary<Damaged> files() {
    return Arbitraries.oneOf(damaged("etcd", etcd, 4096), damaged("sample", sample, 1024));
  }

  @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
  void onlyIoExceptionsComeOut(@ForAll("files") Damaged file) throws IOException {
    Path p = Files.write(dir.resolve("f.db"), file.bytes());
    try {
      try (KvStore store = BboltGoldenTest.load(p, true)) {
        assertThat(store.revision()).isPositive();
      }
    } catch (IOException e) {
      assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
    }
    try (BoltFile bolt = BoltFile.open(p, file.bytes().length)) {
      BucketReader reader = new BucketReader(bolt);
      walk(reader, reader.root(), p.toString(), 0);
    } catch (IOException e) {
      assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
    }
  }

  /** Every bucket, nested ones too, to a bounded depth (a nested bucket may point back up). */
  private static void walk(BucketReader reader, BoltBucket bucket, String name, int depth) throws IOException {
    List<Page.LeafElement> elems = new ArrayList<>();
    reader.forEach(bucket, elems::add);
    for (Page.LeafElement e : elems) {
      if (e.bucket() && depth < 4) {
        walk(reader, BoltBucket.of(name, e.key(), e.value()), name, depth + 1);
      }
    }
  }
}
