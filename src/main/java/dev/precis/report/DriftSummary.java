package dev.precis.report;

import dev.precis.data.FeatureDrift;
import dev.precis.eval.ScoreDrift;
import java.util.List;
import java.util.Locale;

/**
 * The lines of eval's and predict's summaries that say how far the scored rows moved from the
 * training rows: the scores' PSI, then the columns that moved most; within 80 columns.
 */
final class DriftSummary {
  /** Columns shown; the report lists them all. */
  static final int SHOWN = 5;

  private static final int NAME = 24;

  private DriftSummary() {}

  /**
   * @param score null when no row was scored
   */
  static String of(ScoreDrift score, FeatureDrift features) {
    StringBuilder text =
        new StringBuilder(
            "Drift from training (PSI; under 0.1 stable, 0.1-0.25 moderate, over 0.25 major):\n");
    if (score != null) {
      text.append(line("scores", score.psi(), score.band(), null));
    }
    if (!features.available()) {
      return text.append("  per column: unavailable, ")
          .append(brief(features.note()))
          .append('\n')
          .toString();
    }
    List<FeatureDrift.Column> columns = features.columns();
    for (FeatureDrift.Column column : columns.subList(0, Math.min(SHOWN, columns.size()))) {
      text.append(
          line(
              column.column(),
              column.psi(),
              column.band(),
              column.feature().equals(column.column()) ? null : column.feature()));
    }
    if (columns.size() > SHOWN) {
      text.append(
          String.format(
              Locale.ROOT, "  (%d more columns in the JSON report)%n", columns.size() - SHOWN));
    }
    return text.toString();
  }

  private static String line(String name, double psi, String band, String detail) {
    String row =
        String.format(Locale.ROOT, "  %-" + NAME + "s %8.4f  %-8s", cut(name, NAME), psi, band);
    if (detail != null) {
      row += " " + cut("(" + detail + ")", 80 - row.length() - 1);
    }
    return row.stripTrailing() + "\n";
  }

  /** The note up to its first clause, so that the line keeps within 80 columns. */
  private static String brief(String note) {
    int end = note.indexOf(';');
    return cut(
        end < 0 ? note : note.substring(0, end), 80 - "  per column: unavailable, ".length());
  }

  private static String cut(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width - 3) + "...";
  }
}
