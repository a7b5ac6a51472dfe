package dev.precis.data;

import java.util.List;
import java.util.Map;

/**
 * What schema inference made of a table's columns.
 *
 * @param features the feature columns, in file order
 * @param empty columns left out because no row holds a value (blank or a missing token on every
 *     row)
 * @param identifiers columns left out because they identify rows (inferred, or data.types: id)
 * @param reasons why each feature or identifier column has its type, one phrase each
 * @param warnings what the user should hear about the columns, one sentence each, naming the column
 */
public record Schema(
    List<ColumnSpec> features,
    List<String> empty,
    List<String> identifiers,
    Map<String, String> reasons,
    List<String> warnings) {
  public Schema {
    features = List.copyOf(features);
    empty = List.copyOf(empty);
    identifiers = List.copyOf(identifiers);
    reasons = Map.copyOf(reasons);
    warnings = List.copyOf(warnings);
  }
}
