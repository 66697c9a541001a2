package io.cairn.tsdb.index;

import io.cairn.tsdb.model.Labels;
import java.io.Closeable;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an index file (format version 2). {@link #open} checks the header, the TOC, the symbol
 * table and the postings offset table; series and postings lists are read and checked (CRC32C) on
 * each call. Thread-safe; {@link #close} must not run concurrently with reads.
 */
public final class IndexReader implements Closeable {
  private static final int[] EMPTY = new int[0];

  private final MemorySegment file;
  private final Arena arena; // null for in-memory bytes
  private final Toc toc;
  private final String[] symbols;
  // label name -> (value -> postings offset), names and values in file order (sorted); "" is all
  private final Map<String, LinkedHashMap<String, Long>> postings;

  private IndexReader(MemorySegment file, Arena arena) throws CorruptIndexException {
    this.file = file;
    this.arena = arena;
    if (file.byteSize() < IndexWriter.HEADER_LENGTH) {
      throw new CorruptIndexException("header", 0, "a " + file.byteSize() + "-byte file is too short for the header");
    }
    int magic = file.get(ValueLayout.JAVA_INT_UNALIGNED.withOrder(java.nio.ByteOrder.BIG_ENDIAN), 0);
    if (magic != IndexWriter.MAGIC) {
      throw new CorruptIndexException("header", 0, String.format("magic number is %08x, expected baaad700", magic));
    }
    int version = file.get(ValueLayout.JAVA_BYTE, 4) & 0xff;
    if (version != IndexWriter.VERSION) {
      throw new CorruptIndexException("header", 4, "format version is " + version + ", cairn reads version 2");
    }
    this.toc = Toc.decode(file);
    this.symbols = readSymbols();
    this.postings = readPostingsTable();
  }

  /** Opens (memory-maps) the index file at {@code path}. */
  public static IndexReader open(Path path) throws IOException {
    Arena arena = Arena.ofShared();
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      MemorySegment seg = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size(), arena);
      return new IndexReader(seg, arena);
    } catch (IOException | RuntimeException e) {
      arena.close();
      throw e;
    }
  }

  /** Reads an index held in memory (tests, fuzzing). */
  public static IndexReader of(byte[] bytes) throws CorruptIndexException {
    return new IndexReader(MemorySegment.ofArray(bytes), null);
  }

  private String[] readSymbols() throws CorruptIndexException {
    Decbuf d = Decbuf.checkedSection(file, "symbols", toc.symbols());
    long count = Integer.toUnsignedLong(d.be32());
    if (count > d.remaining()) {
      throw d.error(count + " symbols cannot fit in " + d.remaining() + " bytes");
    }
    String[] out = new String[(int) count];
    for (int i = 0; i < out.length; i++) {
      out[i] = d.uvarintStr();
    }
    return out;
  }

  private Map<String, LinkedHashMap<String, Long>> readPostingsTable() throws CorruptIndexException {
    Map<String, LinkedHashMap<String, Long>> out = new LinkedHashMap<>();
    if (toc.postingsTable() == 0) {
      return out;
    }
    Decbuf d = Decbuf.checkedSection(file, "postings offset table", toc.postingsTable());
    long count = Integer.toUnsignedLong(d.be32());
    if (count > d.remaining() / 4) {
      throw d.error(count + " postings offset entries cannot fit in " + d.remaining() + " bytes");
    }
    for (long i = 0; i < count; i++) {
      long at = d.position();
      int keys = d.readByte();
      if (keys != 2) {
        throw new CorruptIndexException(d.section(), at, "entry has " + keys + " keys, expected 2 (name, value)");
      }
      String name = d.uvarintStr();
      String value = d.uvarintStr();
      long off = d.uvarint();
      if (off < 0 || off > file.byteSize() - Toc.LENGTH) {
        throw new CorruptIndexException(d.section(), at, "postings offset " + Long.toUnsignedString(off) + " is outside the file");
      }
      out.computeIfAbsent(name, k -> new LinkedHashMap<>()).put(value, off);
    }
    return out;
  }

  /** The number of symbols. */
  public int symbolCount() {
    return symbols.length;
  }

  /** The symbol with this index. */
  public String symbol(long ref) throws CorruptIndexException {
    if (ref < 0 || ref >= symbols.length) {
      throw new CorruptIndexException("symbols", toc.symbols(), "symbol reference " + ref + " is not below the " + symbols.length + " symbols");
    }
    return symbols[(int) ref];
  }

  /** Label names with postings, in index order (Unicode code points), without the all-postings "". */
  public List<String> labelNames() {
    List<String> out = new ArrayList<>(postings.keySet());
    out.remove(IndexWriter.ALL_POSTINGS);
    return out;
  }

  /** The values of {@code name}, in index order; empty if no series has the label. */
  public List<String> labelValues(String name) {
    if (name.isEmpty()) {
      return List.of();
    }
    LinkedHashMap<String, Long> m = postings.get(name);
    return m == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(m.keySet()));
  }

  /** The references of every series, ascending. */
  public int[] allPostings() throws CorruptIndexException {
    return postings(IndexWriter.ALL_POSTINGS, IndexWriter.ALL_POSTINGS);
  }

  /** The references of the series with label {@code name=value}, ascending; empty if none. */
  public int[] postings(String name, String value) throws CorruptIndexException {
    LinkedHashMap<String, Long> m = postings.get(name);
    Long off = m == null ? null : m.get(value);
    if (off == null) {
      return EMPTY;
    }
    Decbuf d = Decbuf.checkedSection(file, "postings", off);
    long n = Integer.toUnsignedLong(d.be32());
    if (n * 4 != d.remaining()) {
      throw d.error("postings list of " + n + " entries in " + (d.remaining() + 4) + " bytes, expected " + (n * 4 + 4));
    }
    int[] out = new int[(int) n];
    for (int i = 0; i < out.length; i++) {
      long r = Integer.toUnsignedLong(d.be32());
      if (r > Integer.MAX_VALUE || (i > 0 && r <= out[i - 1])) {
        throw d.error("series reference " + r + " is not ascending or exceeds cairn's limit");
      }
      out[i] = (int) r;
    }
    return out;
  }

  /** The series with reference {@code ref} (its offset / 16), checked. */
  public IndexSeries series(int ref) throws CorruptIndexException {
    long off = (long) ref * IndexWriter.SERIES_ALIGN;
    long limit = file.byteSize() - Toc.LENGTH;
    if (ref < 0 || off < IndexWriter.HEADER_LENGTH || off >= limit) {
      throw new CorruptIndexException("series", off, "series reference " + ref + " points outside the file");
    }
    Decbuf head = new Decbuf(file, "series", off, limit);
    long len = head.uvarint();
    long start = head.position();
    if (Long.compareUnsigned(len, limit - start - 4) > 0) {
      throw new CorruptIndexException("series", off, "series length " + Long.toUnsignedString(len) + " runs past the end of the file");
    }
    Decbuf.verifyCrc(file, "series", start, start + len);
    Decbuf d = new Decbuf(file, "series", start, start + len);
    int nLabels = d.uvarintAtMost(d.remaining() / 2, "label count");
    Labels.Builder b = Labels.builder();
    String last = null;
    for (int i = 0; i < nLabels; i++) {
      String name = symbol(d.uvarint());
      String value = symbol(d.uvarint());
      if (name.isEmpty() || value.isEmpty() || (last != null && Symbols.compare(name, last) <= 0)) {
        throw d.error("label " + i + " (" + name + "=" + value + ") is empty or not after the previous label name");
      }
      last = name;
      b.set(name, value);
    }
    int nChunks = d.uvarintAtMost(d.remaining() / 3, "chunk count");
    List<SeriesChunk> chunks = new ArrayList<>(nChunks);
    long maxt = 0;
    long cref = 0;
    for (int i = 0; i < nChunks; i++) {
      long mint = i == 0 ? d.varint() : maxt + d.uvarint();
      long delta = d.uvarint();
      maxt = mint + delta;
      cref = i == 0 ? d.uvarint() : cref + d.varint();
      if (delta < 0 || maxt < mint || (i > 0 && mint <= chunks.get(i - 1).maxTime())) {
        throw d.error("chunk " + i + " has time range " + mint + ".." + maxt + ", overlapping or reversed");
      }
      chunks.add(new SeriesChunk(mint, maxt, cref));
    }
    if (d.remaining() != 0) {
      throw d.error(d.remaining() + " unread bytes at the end of the series");
    }
    return new IndexSeries(b.build(), chunks);
  }

  /** The file's size in bytes. */
  public long sizeBytes() {
    return file.byteSize();
  }

  @Override
  public void close() {
    if (arena != null) {
      arena.close();
    }
  }

  /** For tests: postings offsets by name and value. */
  Map<String, Map<String, Long>> postingsOffsets() {
    return new HashMap<>(postings);
  }
}
