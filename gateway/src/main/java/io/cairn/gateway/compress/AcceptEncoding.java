package io.cairn.gateway.compress;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code Accept-Encoding} negotiation as Traefik v3 does it ({@code getCompressionEncoding} in
 * {@code pkg/middlewares/compress}): spaces are ignored, items other than the supported encodings,
 * {@code identity} and {@code *} are skipped, {@code q=0} items are not acceptable, a missing or
 * unparsable {@code q} weighs 1 (an unparsable one 0, as Go's {@code ParseFloat} error yields 0);
 * the highest weight wins, ties go to the earlier encoding in the configured list, then {@code
 * identity}; {@code *} stands for the default encoding (or the list's first). A header that is
 * present but empty means no coding. Thread-safe (stateless).
 */
public final class AcceptEncoding {
  private AcceptEncoding() {}

  private record Item(String type, double weight) {}

  /**
   * The coding to answer with.
   *
   * @param headerValues every {@code Accept-Encoding} line of the request; the caller handles an
   *     absent header (Traefik: the default encoding if one is set, else no compression)
   * @param encodings the configured encodings in preference order (non-empty)
   * @param defaultEncoding what {@code *} means; empty for the first of {@code encodings}
   * @return the chosen encoding, or empty for identity / nothing acceptable (then not compressed)
   */
  public static Optional<Encoding> choose(List<String> headerValues, List<Encoding> encodings,
      Optional<Encoding> defaultEncoding) {
    List<Item> ranked = rank(headerValues, encodings);
    if (ranked.isEmpty()) {
      return Optional.empty();
    }
    String first = ranked.getFirst().type();
    if (first.equals("*")) {
      return Optional.of(defaultEncoding.orElse(encodings.getFirst()));
    }
    return Encoding.byToken(first);
  }

  /**
   * Every acceptable encoding of {@code encodings}, best first (the same ranking; {@code *} expands
   * to the encodings not named, in configured order). Used for precompressed files.
   */
  public static List<Encoding> acceptable(List<String> headerValues, List<Encoding> encodings) {
    List<Encoding> out = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (String line : headerValues) {
      for (String item : line.replace(" ", "").split(",", -1)) {
        String[] parsed = item.split(";", 2);
        if (parsed.length > 1 && parsed[1].startsWith("q=") && weight(parsed[1]) == 0) {
          refused.add(parsed[0]);
        }
      }
    }
    for (Item i : rank(headerValues, encodings)) {
      if (i.type().equals("*")) {
        for (Encoding e : encodings) {
          if (!out.contains(e) && !refused.contains(e.token())) {
            out.add(e);
          }
        }
      } else {
        Encoding.byToken(i.type()).filter(e -> !out.contains(e)).ifPresent(out::add);
      }
    }
    return out;
  }

  private static List<Item> rank(List<String> headerValues, List<Encoding> encodings) {
    if (headerValues.size() == 1 && headerValues.getFirst().isEmpty()) {
      return List.of();
    }
    List<String> priority = new ArrayList<>();
    encodings.forEach(e -> priority.add(e.token()));
    List<Item> items = new ArrayList<>();
    for (String line : headerValues) {
      for (String item : line.replace(" ", "").split(",", -1)) {
        String[] parsed = item.split(";", 2);
        String type = parsed[0];
        if (!type.equals("*") && !type.equals("identity") && !priority.contains(type)) {
          continue;
        }
        double w = 1.0;
        if (parsed.length > 1 && parsed[1].startsWith("q=")) {
          w = weight(parsed[1]);
          if (w == 0) {
            continue;
          }
        }
        items.add(new Item(type, w));
      }
    }
    Comparator<Item> byPriority = Comparator.comparingInt(i -> switch (i.type()) {
      case "*" -> -1;
      case "identity" -> priority.size();
      default -> priority.indexOf(i.type());
    });
    items.sort(Comparator.comparingDouble(Item::weight).reversed().thenComparing(byPriority));
    return cutAtIdentity(items);
  }

  /** Items ranked after {@code identity} are never chosen: the choice stops there. */
  private static List<Item> cutAtIdentity(List<Item> items) {
    List<Item> out = new ArrayList<>();
    for (Item i : items) {
      if (i.type().equals("identity")) {
        break;
      }
      out.add(i);
    }
    return out;
  }

  private static double weight(String param) {
    try {
      double w = Double.parseDouble(param.substring(2));
      return Double.isNaN(w) ? 0 : w;
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
