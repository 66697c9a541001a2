/**
 * PromQL's syntax: the tree ({@link io.cairn.promql.parser.Expr}), the function table
 * ({@link io.cairn.promql.parser.Functions}), and the parser and printer that turn text into a tree
 * and back.
 */
package io.cairn.promql.parser;
