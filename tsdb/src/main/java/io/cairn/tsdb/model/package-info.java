/** Values shared by storage, ingest and query: series labels and samples. */
package io.cairn.tsdb.model;
