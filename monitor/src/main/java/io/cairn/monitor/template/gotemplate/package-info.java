/**
 * Go 1.19's {@code text/template} (as built into Prometheus 2.42): lexer, parser and executor with
 * Go's messages, the builtins ({@code and or not len index slice print printf println eq ne lt le gt
 * ge html js urlquery call}) and the part of {@code fmt}/{@code strconv} they need. Entry point:
 * {@link io.cairn.monitor.template.gotemplate.GoTemplate}.
 *
 * <h2>Design decisions</h2>
 *
 * <ul>
 *   <li>Go values are plain Java values: {@code String} string, {@code Long} int, {@code Double}
 *       float64, {@code Boolean} bool, {@code Map} map[string]string, {@code List} slice, null nil;
 *       named types implement {@link io.cairn.monitor.template.gotemplate.GoTyped} (structs {@link
 *       io.cairn.monitor.template.gotemplate.GoStruct}, Stringers {@link
 *       io.cairn.monitor.template.gotemplate.GoStringer}). Functions declare Go signatures ({@link
 *       io.cairn.monitor.template.gotemplate.GoFunc}) so arguments are checked and converted as Go's
 *       {@code evalArg}/{@code validateType} do, with the same errors.
 *   <li>The structure follows Go's source closely (node positions, the "current node" that error
 *       locations name, the {@code String()} of nodes) because error texts reach users: locations
 *       are {@code name:line:byte-column}.
 *   <li>Only {@code missingkey=zero} is implemented (Prometheus's option). Methods on values (e.g.
 *       {@code (toTime 0).Unix}) are not: fields and map keys only. Complex constants are refused.
 *   <li>Floats print with Go's shortest representation (Java's {@code Double.toString} digits) and
 *       fixed precision rounds the exact binary value half to even, as {@code strconv} does.
 * </ul>
 *
 * <h2>Limits</h2>
 *
 * <p>{@link io.cairn.monitor.template.gotemplate.Limits#DEFAULT}: output 1 MiB (characters), 1,000,000
 * evaluation steps, nested {@code template} calls 100 (Go allows 100,000 but a Java thread stack does
 * not); past a limit the execution fails with a {@code GoTemplateException}. A stack overflow in
 * parsing or execution (absurd nesting of parentheses) is caught and reported the same way.
 */
package io.cairn.monitor.template.gotemplate;
