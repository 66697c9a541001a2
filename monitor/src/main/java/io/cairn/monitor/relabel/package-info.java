/**
 * Relabelling, every action of Prometheus 2.42: {@code replace keep drop keepequal dropequal hashmod
 * labelmap labeldrop labelkeep lowercase uppercase}. Entry point: {@link
 * io.cairn.monitor.relabel.Relabel#process}; one step: {@link io.cairn.monitor.relabel.RelabelConfig}
 * (validated as Prometheus validates on load); regular expressions: {@link
 * io.cairn.monitor.relabel.GoRegex}.
 *
 * <h2>Design decisions</h2>
 *
 * <ul>
 *   <li>Regular expressions are Go RE2 syntax, anchored as {@code ^(?:re)$}. They are rewritten
 *       for {@link java.util.regex} rather than run by an RE2 port: the rewrite handles the
 *       differences that change meaning ({@code (?P<name>)}, {@code $} as end of text, {@code \v},
 *       {@code \s}, POSIX classes, {@code [} and {@code &&} in classes, octal escapes) and refuses
 *       what Go refuses (lookaround, back-references, possessive and nested quantifiers, counts
 *       over 1000). {@code (?U)} (ungreedy) has no Java equivalent and is refused.
 *   <li>Replacement templates use Go's {@code Regexp.Expand}, implemented in {@code GoExpand}:
 *       {@code $1x} is the (absent) group "1x", {@code ${1}x} is group 1 then x, {@code $$} is
 *       {@code $}. Java's {@code Matcher.appendReplacement} syntax is never used.
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
 * <table>
 *   <caption>Limits</caption>
 *   <tr><th>what</th><th>limit</th><th>beyond it</th></tr>
 *   <tr><td>{@code {n,m}} repeat count</td><td>1000 (Go's)</td><td>compile error</td></tr>
 *   <tr><td>match that exhausts the stack (deep alternation on very long values)</td>
 *       <td>thread stack</td><td>counts as no match</td></tr>
 *   <tr><td>matching time</td><td>none: Java backtracks, so {@code (a*)*b} is exponential</td>
 *       <td>avoid such expressions; Go's engine is linear</td></tr>
 * </table>
 */
package io.cairn.monitor.relabel;
