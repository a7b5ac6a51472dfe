package dev.precis.data;

import java.util.List;

/**
 * What schema inference made of a table's columns.
 *
 * @param features the feature columns, in file order
 * @param empty columns left out because no row holds a value (blank or a missing token on every
 *     row)
 * @param warnings what the user should hear about the columns, one sentence each, naming the column
 */
public record Schema(List<ColumnSpec> features, List<String> empty, List<String> warnings) {
  public Schema {
    features = List.copyOf(features);
    empty = List.copyOf(empty);
    warnings = List.copyOf(warnings);
  }
}
