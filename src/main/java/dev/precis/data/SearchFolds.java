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

  /**
   * A data error unless every fold stratified by arm and outcome can hold a responder and a
   * non-responder of each arm, which an uplift metric needs of every fold's held-out rows.
   *
   * @param treated whether each row is in the treated arm
   */
  static void requireEveryCell(Path source, boolean[] labels, boolean[] treated, int k) {
    long[] cells = new long[4];
    for (int i = 0; i < labels.length; i++) {
      cells[(treated[i] ? 2 : 0) + (labels[i] ? 1 : 0)]++;
    }
    for (int cell = 0; cell < cells.length; cell++) {
      if (cells[cell] < k) {
        throw PrecisException.data(
            String.format(
                Locale.ROOT,
                "%s: %d cross-validation folds need at least %d %s of the %s arm among the rows"
                    + " tune searches, so that every fold has each arm's responders and"
                    + " non-responders; it has %d: use fewer tune.folds or give more labelled rows",
                source,
                k,
                k,
                cell % 2 == 1 ? "responders" : "non-responders",
                cell >= 2 ? "treated" : "control",
                cells[cell]));
      }
    }
  }
}
