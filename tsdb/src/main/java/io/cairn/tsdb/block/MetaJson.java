package io.cairn.tsdb.block;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code meta.json}: written byte for byte as Go's {@code json.MarshalIndent(meta, "", "\t")} writes
 * Prometheus's {@code BlockMeta} (zero counts omitted, as {@code omitempty}); read leniently (unknown
 * fields ignored) but checked.
 */
final class MetaJson {
  static final String FILE = "meta.json";
  private static final int MAX_BYTES = 1 << 20;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private MetaJson() {}

  static String encode(BlockMeta m) {
    StringBuilder sb = new StringBuilder("{\n");
    sb.append("\t\"ulid\": \"").append(m.ulid()).append("\",\n");
    sb.append("\t\"minTime\": ").append(m.minTime()).append(",\n");
    sb.append("\t\"maxTime\": ").append(m.maxTime()).append(",\n");
    List<String> stats = new ArrayList<>();
    addCount(stats, "numSamples", m.stats().numSamples());
    addCount(stats, "numSeries", m.stats().numSeries());
    addCount(stats, "numChunks", m.stats().numChunks());
    addCount(stats, "numTombstones", m.stats().numTombstones());
    sb.append("\t\"stats\": ").append(stats.isEmpty() ? "{}" : "{\n" + String.join(",\n", stats) + "\n\t}").append(",\n");
    BlockMeta.Compaction c = m.compaction();
    sb.append("\t\"compaction\": {\n\t\t\"level\": ").append(c.level());
    if (!c.sources().isEmpty()) {
      sb.append(",\n\t\t\"sources\": [\n");
      for (int i = 0; i < c.sources().size(); i++) {
        sb.append("\t\t\t\"").append(c.sources().get(i)).append('"').append(i + 1 < c.sources().size() ? ",\n" : "\n");
      }
      sb.append("\t\t]");
    }
    if (!c.parents().isEmpty()) {
      sb.append(",\n\t\t\"parents\": [\n");
      for (int i = 0; i < c.parents().size(); i++) {
        BlockMeta.Parent p = c.parents().get(i);
        sb.append("\t\t\t{\n\t\t\t\t\"ulid\": \"").append(p.ulid()).append("\",\n")
            .append("\t\t\t\t\"minTime\": ").append(p.minTime()).append(",\n")
            .append("\t\t\t\t\"maxTime\": ").append(p.maxTime()).append("\n\t\t\t}")
            .append(i + 1 < c.parents().size() ? ",\n" : "\n");
      }
      sb.append("\t\t]");
    }
    sb.append("\n\t},\n\t\"version\": ").append(BlockMeta.VERSION).append("\n}");
    return sb.toString();
  }

  private static void addCount(List<String> out, String name, long v) {
    if (v != 0) {
      out.add("\t\t\"" + name + "\": " + Long.toUnsignedString(v));
    }
  }

  static BlockMeta read(Path blockDir) throws IOException {
    Path file = blockDir.resolve(FILE);
    if (Files.size(file) > MAX_BYTES) {
      throw new BlockFormatException(file, "larger than 1 MiB; not a meta file");
    }
    return decode(file, Files.readAllBytes(file));
  }

  static BlockMeta decode(Path file, byte[] bytes) throws BlockFormatException {
    try {
      JsonNode n = MAPPER.readTree(new String(bytes, StandardCharsets.UTF_8));
      if (n == null || !n.isObject()) {
        throw new BlockFormatException(file, "not a JSON object");
      }
      int version = n.path("version").asInt(-1);
      if (version != BlockMeta.VERSION) {
        throw new BlockFormatException(file, "version is " + n.path("version") + ", expected 1");
      }
      Ulid ulid = Ulid.parse(text(file, n, "ulid"));
      long mint = number(file, n, "minTime");
      long maxt = number(file, n, "maxTime");
      JsonNode s = n.path("stats");
      BlockMeta.Stats stats = new BlockMeta.Stats(s.path("numSamples").asLong(), s.path("numSeries").asLong(),
          s.path("numChunks").asLong(), s.path("numTombstones").asLong());
      JsonNode c = n.path("compaction");
      List<Ulid> sources = new ArrayList<>();
      for (JsonNode x : c.path("sources")) {
        sources.add(Ulid.parse(x.asText()));
      }
      List<BlockMeta.Parent> parents = new ArrayList<>();
      for (JsonNode p : c.path("parents")) {
        parents.add(new BlockMeta.Parent(Ulid.parse(text(file, p, "ulid")), number(file, p, "minTime"), number(file, p, "maxTime")));
      }
      return new BlockMeta(ulid, mint, maxt, stats, new BlockMeta.Compaction(c.path("level").asInt(0), sources, parents));
    } catch (IOException | IllegalArgumentException e) {
      if (e instanceof BlockFormatException b) {
        throw b;
      }
      throw new BlockFormatException(file, e.getMessage());
    }
  }

  private static String text(Path file, JsonNode n, String field) throws BlockFormatException {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual()) {
      throw new BlockFormatException(file, "\"" + field + "\" is missing or not a string");
    }
    return v.asText();
  }

  private static long number(Path file, JsonNode n, String field) throws BlockFormatException {
    JsonNode v = n.get(field);
    if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
      throw new BlockFormatException(file, "\"" + field + "\" is missing or not a 64-bit integer");
    }
    return v.asLong();
  }
}
