package io.cairn.tsdb.wal;

/**
 * A record's bytes are not a record {@link Records} can decode: an unknown type byte, a value cut
 * off, a varint too long, bytes left over, a label that is empty, duplicated or not UTF-8. The
 * message says which and at which byte of the record.
 */
public final class RecordFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  RecordFormatException(String message) {
    super(message);
  }
}
