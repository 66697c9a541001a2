package io.cairn.server.kv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes the differential check's normalized transcripts to
 * {@code server/target/kv-transcripts/etcd-vs-KIND/SCENARIO.{reference-etcd,candidate-KIND}.txt}, so a failing pair can
 * be read (and diffed) in full.
 */
final class TranscriptFiles {
  private TranscriptFiles() {}

  static Path dir(TargetKind candidate) {
    return Peers.repoRoot().resolve("server/target/kv-transcripts/etcd-vs-" + candidate);
  }

  static void write(TargetKind candidate, Scenario scenario, String etcd, String other) {
    String slug = scenario.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    Path dir = dir(candidate);
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(slug + ".reference-etcd.txt"), etcd);
      Files.writeString(dir.resolve(slug + ".candidate-" + candidate + ".txt"), other);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write transcripts to " + dir, e);
    }
  }
}
