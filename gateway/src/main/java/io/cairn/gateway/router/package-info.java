/**
 * Traefik's router rules: parse, compile, and pick the router a request goes to.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li>{@link io.cairn.gateway.router.Rules#parse} turns rule text into a sealed {@link
 *       io.cairn.gateway.router.Rule} tree; {@link io.cairn.gateway.router.Rules#compile} checks
 *       every matcher's arguments and returns a {@link io.cairn.gateway.router.RequestMatcher};
 *       {@link io.cairn.gateway.router.Rules#check} answers the config validator with the problem
 *       or nothing. Bad input only ever yields {@link io.cairn.gateway.router.RuleSyntaxException}
 *       (fuzzed), worded like Traefik: {@code error while parsing rule <rule>: <problem>}.
 *   <li>A matcher reads a request only through {@link io.cairn.gateway.router.RequestView}
 *       (method, canonical host, routing path, parsed query, headers, client IP); {@link
 *       io.cairn.gateway.router.BasicRequest#of} and the helpers {@link
 *       io.cairn.gateway.router.HostHeader}, {@link io.cairn.gateway.router.RoutingPath} and
 *       {@link io.cairn.gateway.router.GoQuery} normalise raw request text as Go and Traefik do.
 *       The server must take the host from an absolute-form request target when there is one (Go
 *       sets {@code req.Host} from it), else from {@code Host}/{@code :authority}.
 *   <li>{@link io.cairn.gateway.router.RouteTable} orders routers by priority and returns the
 *       first match. Matchers and tables are immutable and thread-safe; regular expressions are
 *       compiled once, at build time; a match allocates nothing beyond what {@code
 *       java.util.regex} needs.
 * </ul>
 *
 * <h2>Syntax</h2>
 *
 * Rule text is a Go expression, as in Traefik (vulcand/predicate runs {@code go/parser}): matcher
 * calls joined by {@code &&}, {@code ||}, {@code !} and parentheses, Go precedence ({@code !} over
 * {@code &&} over {@code ||}); arguments are Go string literals, raw ({@code `…`}, CR dropped) or
 * interpreted ({@code "…"} with Go's escapes); single quotes, numbers and bare words are refused;
 * a trailing comma in an argument list and Go comments are accepted; a newline right after a
 * word, literal or {@code )} ends the expression (Go's automatic semicolon), so {@code
 * Host(`a`)⏎&& Path(`/`)} is refused as Traefik refuses it. A matcher name is accepted as written,
 * in lower case, in upper case, or lower case with a capital first letter ({@code PathPrefix},
 * {@code pathprefix}, {@code PATHPREFIX}, {@code Pathprefix}).
 *
 * <ul>
 *   <li><b>v3</b> (default): {@code Host}, {@code HostRegexp}, {@code Path}, {@code PathPrefix},
 *       {@code PathRegexp}, {@code Method}, {@code ClientIP} take one value; {@code Header},
 *       {@code HeaderRegexp} two; {@code Query}, {@code QueryRegexp} one or two. Regexp matchers
 *       search (unanchored) with Go syntax.
 *   <li><b>v2</b> ({@code ruleSyntax: v2}): {@code Host}/{@code HostHeader}, {@code HostRegexp},
 *       {@code Path}, {@code PathPrefix}, {@code Method}, {@code ClientIP} take any number of
 *       values (any may match); {@code Headers}, {@code HeadersRegexp} take key/value pairs and
 *       {@code Query} takes {@code key=value} items (every one must match; {@code Query} looks at
 *       the first value of the key only, as gorilla/mux does). {@code HostRegexp}, {@code Path},
 *       {@code PathPrefix} and {@code Query} values are gorilla/mux templates: literal text with
 *       {@code {name}} / {@code {name:regexp}} variables, anchored, hosts case-insensitive.
 * </ul>
 *
 * Arguments are checked left to right as Traefik does: no arguments, an empty argument, the
 * count, a path not starting with {@code /}, a non-ASCII host, a bad regular expression, a bad IP
 * or CIDR. Matching: {@code Host} compares the lower-cased host, ignoring one trailing dot on
 * either side; {@code Method} is case-sensitive on the request (the rule value is upper-cased);
 * header names are case-insensitive, header, query and path values case-sensitive; {@code
 * ClientIP} reads the connection's peer address, never {@code X-Forwarded-For}.
 *
 * <h2>Go regexp on java.util.regex</h2>
 *
 * See {@link io.cairn.gateway.router.GoRegex}: named groups, literal braces, {@code $} as end of
 * text, {@code \s}, {@code \v}, octal escapes, Unicode scripts, POSIX classes and {@code [}/{@code
 * &} inside classes are translated; what RE2 refuses (look-around, back-references, possessive
 * and doubled quantifiers, unknown escapes, repeat counts over 1000) is refused. Not reproduced:
 * {@code (?U)} is refused rather than translated, {@code \b} is Unicode-aware in Java, {@code ^}
 * under {@code (?m)} does not match after a final newline, and backtracking is not linear: a
 * match that overflows the stack counts as no match.
 *
 * <h2>Decisions</h2>
 *
 * <ul>
 *   <li>Unknown {@code ruleSyntax} values fall back to v3, as Traefik's parser does.
 *   <li>Default priority is {@code len(rule)} in UTF-8 bytes; {@code 0} means default. Ties are
 *       broken by router name (Traefik: provider precedence, then an unstable sort over a map).
 *       Traefik's newest double-wildcard host penalty ({@code **.}) is not implemented: the
 *       matchers here have no wildcard hosts.
 *   <li>The routing path keeps reserved escapes encoded whatever their hex case and upper-cases
 *       them (Traefik's CWE-436 tests), and decodes the rest.
 *   <li>{@code HostRegexp} (v3) also matches when its pattern matches the empty string, because
 *       Traefik tries the CNAME-flattened host too, which is empty when flattening is off. CNAME
 *       flattening itself is not supported.
 *   <li>v2 {@code HostRegexp} matches the canonical host (port already removed); gorilla/mux keeps
 *       the port when the template contains {@code :}, so a template that matches a port never
 *       matches here.
 *   <li>{@code PathRegexp}'s compile error says {@code compiling PathRegexp matcher} (Traefik
 *       says {@code PathPrefix} by mistake).
 *   <li>Nesting deeper than {@value io.cairn.gateway.router.RuleParser#MAX_DEPTH} levels of
 *       parentheses or {@code !} is refused.
 *   <li>An empty rule in a {@code RouteTable} is reported as {@code the rule is empty}.
 * </ul>
 */
package io.cairn.gateway.router;
