/**
 * cairn sql: a TiDB-style distributed SQL service speaking the MySQL protocol (later). Not implemented
 * yet; this module is its home.
 */
package io.cairn.sql;
