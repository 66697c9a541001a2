/**
 * Relabelling, every action of Prometheus 2.42: {@code replace keep drop keepequal dropequal hashmod
 * labelmap labeldrop labelkeep lowercase uppercase}. Entry point: {@link
 * io.cairn.monitor.relabel.Relabel#process}; one step: {@link io.cairn.monitor.relabel.RelabelConfig}
 * (validated as Prometheus validates on load); regular expressions: {@link
 * io.cairn.common.text.re2.GoRegex} (shared with tsdb's label matchers).
 *
 * <h2>Design decisions</h2>
 *
 * <ul>
 *   <li>Regular expressions are Go RE2 syntax, anchored as {@code ^(?:re)$}, and replacement
 *       templates use Go's {@code Regexp.Expand} ({@code $1x} is the (absent) group "1x", {@code
 *       ${1}x} is group 1 then x, {@code $$} is {@code $}); both live in {@link
 *       io.cairn.common.text.re2}, whose package documentation lists what is rewritten and the
 *       limits. Java's {@code Matcher.appendReplacement} syntax is never used.
 *   <li>hashmod: md5 of the joined source values; the last 8 bytes of the sum as a big-endian
 *       unsigned 64-bit integer, modulo {@code modulus} (Prometheus's {@code
 *       binary.BigEndian.Uint64(sum[8:])}).
 *   <li>lowercase/uppercase map code point by code point (Go's {@code strings.ToLower}), not
 *       Java's locale- and context-sensitive {@code String.toLowerCase}.
 *   <li>{@code process} returns null when dropped, else the labels, possibly empty (Prometheus's
 *       {@code Process} keeps an emptied set; the scrape layer decides).
 *   <li>replace: no match leaves the labels alone; a target that expands to an invalid label name
 *       is skipped; an empty result deletes the target label. labelmap may create a label whose name
 *       is not valid (as Prometheus does) but never one with an empty name, which {@link
 *       io.cairn.tsdb.model.Labels} cannot hold.
 * </ul>
 *
 * <h2>Limits</h2>
 *
 * <p>Those of {@link io.cairn.common.text.re2}: Java's engine backtracks, so {@code (a*)*b} can take
 * exponential time, and a match that exhausts the stack counts as no match.
 */
package io.cairn.monitor.relabel;
