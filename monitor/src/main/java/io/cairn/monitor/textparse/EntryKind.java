package io.cairn.monitor.textparse;

/** What {@link Parser#next()} found; each kind has its {@link Entry} record. */
public enum EntryKind {
  /** A sample: {@link Entry.Series}. */
  SERIES,
  /** A {@code # HELP} line: {@link Entry.Help}. */
  HELP,
  /** A {@code # TYPE} line: {@link Entry.Type}. */
  TYPE,
  /** An OpenMetrics {@code # UNIT} line: {@link Entry.Unit}. */
  UNIT,
  /** Any other comment of the text format 0.0.4 (OpenMetrics has none): {@link Entry.Comment}. */
  COMMENT,
  /** The end of the input (in OpenMetrics, the {@code # EOF} line): {@link Entry.Eof}. */
  EOF
}
