package io.cairn.tsdb.index;

import io.cairn.tsdb.model.Label;
import io.cairn.tsdb.model.Labels;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes an index file in Prometheus's format version 2, byte for byte as Prometheus 2.42's {@code
 * index.Writer} does: first {@link #addSymbols} once, then {@link #addSeries} in strictly increasing
 * label order, then {@link #close}, which writes the label indices, postings, offset tables and the
 * TOC and fsyncs the file. Not thread-safe. After a failure the file is garbage: delete it.
 */
public final class IndexWriter implements Closeable {
  static final int MAGIC = 0xBAAAD700;
  static final int VERSION = 2;
  static final int HEADER_LENGTH = 5;
  static final int SERIES_ALIGN = 16;
  static final String ALL_POSTINGS = "";

  private final FileOutputStream file;
  private final BufferedOutputStream out;
  private long pos;
  private final Encbuf buf = new Encbuf(1 << 16);
  private Map<String, Integer> symbols;
  private long tocSymbols;
  private long tocSeries;
  private Labels lastSeries;
  private final List<Integer> all = new ArrayList<>();
  // name -> value -> series refs; name and value orders are fixed on close
  private final Map<String, Map<String, List<Integer>>> postings = new HashMap<>();
  private boolean closed;

  private IndexWriter(FileOutputStream file) {
    this.file = file;
    this.out = new BufferedOutputStream(file, 1 << 20);
  }

  /** Creates {@code path} (it must not exist) and writes the header. */
  public static IndexWriter create(Path path) throws IOException {
    IndexWriter w = new IndexWriter(new FileOutputStream(Files.createFile(path).toFile()));
    w.buf.reset();
    w.buf.putBe32(MAGIC);
    w.buf.putByte(VERSION);
    w.flushBuf();
    return w;
  }

  private void flushBuf() throws IOException {
    out.write(buf.array(), 0, buf.length());
    pos += buf.length();
    buf.reset();
  }

  private void pad(int align) throws IOException {
    while (pos % align != 0) {
      out.write(0);
      pos++;
    }
  }

  /**
   * Writes the symbol table: every label name and value the series will use (any order,
   * duplicates allowed), plus the empty string, which Prometheus always lists (its head's postings
   * hold the all-postings pair {@code ("", "")}). Call exactly once, before the first series.
   */
  public void addSymbols(Collection<String> all) throws IOException {
    if (symbols != null) {
      throw new IllegalStateException("symbols were already written");
    }
    List<String> sorted = java.util.stream.Stream.concat(java.util.stream.Stream.of(""), all.stream())
        .distinct().sorted(Symbols.ORDER).toList();
    symbols = new HashMap<>(sorted.size() * 2);
    tocSymbols = pos;
    buf.reset();
    buf.putBe32(0); // length, patched below
    buf.putBe32(sorted.size());
    for (String s : sorted) {
      symbols.put(s, symbols.size());
      buf.putUvarintStr(s);
    }
    int len = buf.length() - 4;
    byte[] b = buf.array();
    b[0] = (byte) (len >>> 24);
    b[1] = (byte) (len >>> 16);
    b[2] = (byte) (len >>> 8);
    b[3] = (byte) len;
    buf.putBe32(buf.crc(4));
    flushBuf();
    tocSeries = pos;
  }

  /**
   * Adds a series with its chunks (sorted by time, not overlapping).
   *
   * @return the series' reference (its offset / 16)
   * @throws IllegalArgumentException if the labels are not after the previous series', a label is
   *     not among the symbols, or the chunks overlap or are out of order
   */
  public int addSeries(Labels labels, List<SeriesChunk> chunks) throws IOException {
    if (symbols == null) {
      throw new IllegalStateException("addSymbols must come before the first series");
    }
    if (lastSeries != null && labels.compareTo(lastSeries) <= 0) {
      throw new IllegalArgumentException("series " + labels + " is not after the previous series " + lastSeries);
    }
    for (int i = 1; i < chunks.size(); i++) {
      if (chunks.get(i).minTime() <= chunks.get(i - 1).maxTime()) {
        throw new IllegalArgumentException("series " + labels + ": chunk minTime " + chunks.get(i).minTime()
            + " is not after the previous chunk's maxTime " + chunks.get(i - 1).maxTime());
      }
    }
    pad(SERIES_ALIGN);
    long refL = pos / SERIES_ALIGN;
    if (refL > Integer.MAX_VALUE) {
      throw new IllegalStateException("series section exceeds 32 GiB, cairn's limit for series references");
    }
    int ref = (int) refL;
    Encbuf body = new Encbuf(64);
    body.putUvarint(labels.size());
    for (Label l : labels) {
      body.putUvarint(symbol(l.name()));
      body.putUvarint(symbol(l.value()));
      postings.computeIfAbsent(l.name(), k -> new HashMap<>()).computeIfAbsent(l.value(), k -> new ArrayList<>()).add(ref);
    }
    body.putUvarint(chunks.size());
    if (!chunks.isEmpty()) {
      SeriesChunk c = chunks.getFirst();
      body.putVarint(c.minTime());
      body.putUvarint(c.maxTime() - c.minTime());
      body.putUvarint(c.ref());
      long t0 = c.maxTime();
      long ref0 = c.ref();
      for (SeriesChunk n : chunks.subList(1, chunks.size())) {
        body.putUvarint(n.minTime() - t0);
        body.putUvarint(n.maxTime() - n.minTime());
        t0 = n.maxTime();
        body.putVarint(n.ref() - ref0);
        ref0 = n.ref();
      }
    }
    buf.reset();
    buf.putUvarint(body.length());
    flushBuf();
    body.putBe32(body.crc(0));
    out.write(body.array(), 0, body.length());
    pos += body.length();
    all.add(ref);
    lastSeries = labels;
    return ref;
  }

  private int symbol(String s) {
    Integer i = symbols.get(s);
    if (i == null) {
      throw new IllegalArgumentException("symbol \"" + s + "\" is not in the symbol table");
    }
    return i;
  }

  /** Writes the remaining sections and the TOC, fsyncs and closes the file. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try (file) {
      if (symbols == null) {
        addSymbols(List.of());
      }
      finish();
      out.flush();
      file.getFD().sync();
    }
  }

  private void finish() throws IOException {
    // The postings in Prometheus's order: the all-postings pair, then names, then values.
    TreeMap<String, TreeMap<String, List<Integer>>> ordered = new TreeMap<>(Symbols.ORDER);
    postings.forEach((n, vs) -> {
      TreeMap<String, List<Integer>> m = new TreeMap<>(Symbols.ORDER);
      m.putAll(vs);
      ordered.put(n, m);
    });

    long tocLabelIndices = pos;
    Map<String, Long> labelIndexOffsets = new java.util.LinkedHashMap<>();
    for (var e : ordered.entrySet()) {
      pad(4);
      labelIndexOffsets.put(e.getKey(), pos);
      buf.reset();
      buf.putBe32(4 + 4 + 4 * e.getValue().size());
      buf.putBe32(1);
      buf.putBe32(e.getValue().size());
      for (String v : e.getValue().keySet()) {
        buf.putBe32(symbols.get(v));
      }
      buf.putBe32(buf.crc(4));
      flushBuf();
    }

    long tocPostings = pos;
    pad(4);
    List<Object[]> postingsOffsets = new ArrayList<>(); // name, value, offset
    postingsOffsets.add(new Object[] {ALL_POSTINGS, ALL_POSTINGS, writePostings(all)});
    for (var e : ordered.entrySet()) {
      for (var v : e.getValue().entrySet()) {
        postingsOffsets.add(new Object[] {e.getKey(), v.getKey(), writePostings(v.getValue())});
      }
    }

    long tocLabelIndicesTable = pos;
    buf.reset();
    buf.putBe32(0);
    buf.putBe32(labelIndexOffsets.size());
    labelIndexOffsets.forEach((name, off) -> {
      buf.putUvarint(1);
      buf.putUvarintStr(name);
      buf.putUvarint(off);
    });
    finishTable();

    long tocPostingsTable = pos;
    buf.reset();
    buf.putBe32(0);
    buf.putBe32(postingsOffsets.size());
    for (Object[] p : postingsOffsets) {
      buf.putUvarint(2);
      buf.putUvarintStr((String) p[0]);
      buf.putUvarintStr((String) p[1]);
      buf.putUvarint((Long) p[2]);
    }
    finishTable();

    buf.reset();
    new Toc(tocSymbols, tocSeries, tocLabelIndices, tocLabelIndicesTable, tocPostings, tocPostingsTable).encode(buf);
    flushBuf();
  }

  private long writePostings(List<Integer> refs) throws IOException {
    pad(4);
    long offset = pos;
    buf.reset();
    buf.putBe32(4 + 4 * refs.size());
    buf.putBe32(refs.size());
    for (int r : refs) {
      buf.putBe32(r);
    }
    buf.putBe32(buf.crc(4));
    flushBuf();
    return offset;
  }

  /** Patches the 4-byte length at the start of {@code buf}, appends the CRC and writes it. */
  private void finishTable() throws IOException {
    int len = buf.length() - 4;
    byte[] b = buf.array();
    b[0] = (byte) (len >>> 24);
    b[1] = (byte) (len >>> 16);
    b[2] = (byte) (len >>> 8);
    b[3] = (byte) len;
    buf.putBe32(buf.crc(4));
    flushBuf();
  }
}
