/**
 * Go (RE2) regular expressions on {@link java.util.regex}, as Prometheus 2.42 (built with Go 1.19)
 * compiles them for label matchers and relabelling. Entry point: {@link
 * io.cairn.common.text.re2.GoRegex} ({@code compile} for relabelling, {@code compileMatcher} for
 * label matchers); replacement templates: {@link io.cairn.common.text.re2.GoRegex#expand}.
 *
 * <h2>Design decisions</h2>
 *
 * <ul>
 *   <li>Expressions are rewritten for {@link java.util.regex} rather than run by an RE2 port. The
 *       rewriter walks the expression in the order of Go's {@code regexp/syntax} parser, so a bad
 *       expression is refused with exactly Go's message ({@code error parsing regexp: <what>:
 *       `<where>`}, quoting the same text Go quotes): lookaround, back-references, atomic groups,
 *       possessive and nested quantifiers ({@code a**}), counts over 1000 (also as a product of
 *       nested counts), {@code \C}, unknown classes and escapes.
 *   <li>Java is never trusted where its reading differs: literals and class members are emitted as
 *       {@code \x{..}}; Go's flags {@code i m s U} are tracked by the rewriter with Go's scoping and
 *       applied atom by atom ({@code (?U)} swaps greediness), so no Java inline flag is emitted;
 *       {@code (?P<name>re)} becomes a plain group with the name kept aside (Go allows duplicate
 *       names); {@code $} is end of text and {@code .} excludes only {@code \n} unless {@code
 *       (?m)}/{@code (?s)}; {@code \s} is {@code [\t\n\f\r ]}, {@code \b} is an ASCII word boundary;
 *       POSIX classes, {@code \pL}, {@code \p{Greek}}, {@code \p{^Lu}}; {@code [} and {@code &&} are
 *       plain inside a class.
 *   <li>Replacement templates use Go's {@code Regexp.Expand} ({@code GoExpand}): {@code $1x} is the
 *       (absent) group "1x", {@code ${1}x} is group 1 then x, {@code $$} is {@code $}.
 * </ul>
 *
 * <h2>Limits</h2>
 *
 * <table>
 *   <caption>Limits</caption>
 *   <tr><th>what</th><th>limit</th><th>beyond it</th></tr>
 *   <tr><td>{@code {n,m}} repeat count, and product of nested counts</td><td>1000 (Go's)</td>
 *       <td>compile error, Go's message</td></tr>
 *   <tr><td>nesting of capturing groups</td><td>about 1000 (Go's parse-tree height, approximated)</td>
 *       <td>{@code expression nests too deeply}</td></tr>
 *   <tr><td>compiled program size (Go's {@code expression too large})</td><td>not checked</td>
 *       <td>Java compiles what Go would refuse as too large</td></tr>
 *   <tr><td>match that exhausts the stack (deep alternation on very long values)</td>
 *       <td>thread stack</td><td>counts as no match</td></tr>
 *   <tr><td>matching time</td><td>none: Java backtracks, so {@code (a*)*b} is exponential</td>
 *       <td>avoid such expressions; Go's engine is linear</td></tr>
 *   <tr><td>case folding under {@code (?i)}</td><td>Java's Unicode case-insensitivity</td>
 *       <td>may differ from Go's simple folding for a few characters</td></tr>
 *   <tr><td>Unicode tables</td><td>Java's (newer than Go 1.19's)</td>
 *       <td>script names and category members added after Unicode 13 are accepted</td></tr>
 * </table>
 */
package io.cairn.common.text.re2;
