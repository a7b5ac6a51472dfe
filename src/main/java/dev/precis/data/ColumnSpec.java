package dev.precis.data;

import dev.precis.config.ColumnType;

/**
 * A feature column of the raw data and how it is encoded.
 *
 * @param name the column name
 * @param type numeric or categorical
 */
public record ColumnSpec(String name, ColumnType type) {}
