package io.cairn.tsdb.index;

import java.lang.foreign.MemorySegment;

/** The index's table of contents: where each section starts (0 = absent). 52 bytes at the end. */
record Toc(long symbols, long series, long labelIndices, long labelIndicesTable, long postings, long postingsTable) {
  static final int LENGTH = 6 * 8 + 4;

  void encode(Encbuf b) {
    int start = b.length();
    b.putBe64(symbols);
    b.putBe64(series);
    b.putBe64(labelIndices);
    b.putBe64(labelIndicesTable);
    b.putBe64(postings);
    b.putBe64(postingsTable);
    b.putBe32(b.crc(start));
  }

  static Toc decode(MemorySegment file) throws CorruptIndexException {
    long size = file.byteSize();
    long at = size - LENGTH;
    if (at < IndexWriter.HEADER_LENGTH) {
      throw new CorruptIndexException("TOC", 0, "a " + size + "-byte file is too short for a header and a TOC");
    }
    Decbuf.verifyCrc(file, "TOC", at, size - 4);
    Decbuf d = new Decbuf(file, "TOC", at, size - 4);
    Toc toc = new Toc(d.be64(), d.be64(), d.be64(), d.be64(), d.be64(), d.be64());
    long[] refs = {toc.symbols, toc.series, toc.labelIndices, toc.labelIndicesTable, toc.postings, toc.postingsTable};
    for (long r : refs) {
      if (r < 0 || r > at) {
        throw new CorruptIndexException("TOC", at, "section offset " + Long.toUnsignedString(r) + " is outside the file");
      }
    }
    return toc;
  }
}
