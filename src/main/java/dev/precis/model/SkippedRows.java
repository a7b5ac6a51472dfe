package dev.precis.model;

import java.util.ArrayList;
import java.util.List;

/** Rows a scoring run could not score: how many, and the first few with their line and reason. */
public final class SkippedRows {
  private static final int SHOWN = 10;
  private long count;
  private final List<String> examples = new ArrayList<>();

  /** Counts a block's skipped rows, in file order. */
  public void add(ScoredBlock block) {
    count += block.skipped().size();
    for (String line : block.skipped()) {
      if (examples.size() < SHOWN) {
        examples.add(line);
      }
    }
  }

  public long count() {
    return count;
  }

  /** The first few, as "line: reason". */
  public List<String> examples() {
    return List.copyOf(examples);
  }
}
