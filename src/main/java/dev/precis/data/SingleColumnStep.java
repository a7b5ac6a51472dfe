package dev.precis.data;

import java.util.List;

/** A step that reads one raw column, the one it is named after. */
public interface SingleColumnStep extends ColumnStep {
  /** The column it reads. */
  String name();

  @Override
  default List<String> inputColumns() {
    return List.of(name());
  }
}
