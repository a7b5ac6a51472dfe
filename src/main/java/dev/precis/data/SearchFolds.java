package dev.precis.data;

import dev.precis.PrecisException;
import java.nio.file.Path;
import java.util.Locale;

/** What cross-validation asks of the rows it searches. */
final class SearchFolds {
  private SearchFolds() {}

  /**
   * A data error unless every stratified fold can hold a responder and a non-responder, which takes
   * at least as many of each as there are folds.
   */
  static void requireBothClasses(Path source, boolean[] labels, int k) {
    long positives = Splits.positives(labels);
    long negatives = labels.length - positives;
    if (Math.min(positives, negatives) < k) {
      throw PrecisException.data(
          String.format(
              Locale.ROOT,
              "%s: %d cross-validation folds need at least %d responders and %d non-responders"
                  + " among the rows tune searches, so that every fold has both; it has %d and %d:"
                  + " use fewer tune.folds or give more labelled rows",
              source,
              k,
              k,
              k,
              positives,
              negatives));
    }
  }
}
