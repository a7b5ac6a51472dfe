package dev.precis.report;

import dev.precis.eval.UpliftAtK;
import dev.precis.eval.UpliftBin;
import dev.precis.eval.UpliftMetrics;
import java.util.Locale;

/**
 * The uplift block of eval's terminal summary, within 80 columns: the arms, the Qini AUC with the
 * band of random order and the verdict on the same lines (so that no number stands alone as if it
 * meant something), AUUC, uplift@k and the table by decile.
 */
public final class UpliftSummary {
  private UpliftSummary() {}

  /** The block, each line ending in a newline. */
  public static String of(UpliftMetrics m) {
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "Uplift: %,d treated rows (%s responded), %,d control rows (%s)%n",
            m.treatedRows(),
            pct((double) m.treatedResponders() / m.treatedRows()),
            m.controlRows(),
            pct((double) m.controlResponders() / m.controlRows())));
    text.append(
        String.format(
            Locale.ROOT,
            "  average uplift %s (treated rate - control rate, everyone treated)%n",
            signed(m.averageUplift())));
    text.append(
        String.format(
            Locale.ROOT,
            "  Qini AUC %s   random order's 95%%: %s to %s (%,d seeded orders)%n",
            f4(m.qiniAuc()),
            f4(m.randomBand().low()),
            f4(m.randomBand().high()),
            m.randomBand().permutations()));
    text.append(
        String.format(
            Locale.ROOT, "  -> %s (p %.3f)%n", m.verdict().text(), m.randomBand().pValue()));
    UpliftAtK at = m.upliftAtK();
    text.append(
        String.format(
            Locale.ROOT,
            "  AUUC %s   uplift@%s %s (top %s of each arm: %s)%n",
            f4(m.upliftAuc()),
            share(at.k()),
            signed(at.overall(), "-"),
            share(at.k()),
            signed(at.byGroup(), "-")));
    text.append(wrapped(meaning(m)));
    text.append("Uplift by ")
        .append(m.byDecile().size() == 10 ? "decile" : "bin")
        .append(", highest uplift scores first:\n");
    TextTable table =
        new TextTable("bin", "treated", "control", "t. rate", "c. rate", "uplift", "95% CI");
    for (UpliftBin b : m.byDecile()) {
      table.row(
          b.bin(),
          b.treatedRows(),
          b.controlRows(),
          b.treatedRate() == null ? "-" : pct(b.treatedRate()),
          b.controlRate() == null ? "-" : pct(b.controlRate()),
          signed(b.uplift(), "-"),
          b.low() == null ? "-" : signed(b.low()) + " to " + signed(b.high()));
    }
    return text.append(table).toString();
  }

  /** What the verdict means for reading the numbers, one sentence. */
  static String meaning(UpliftMetrics m) {
    return switch (m.verdict()) {
      case ABOVE_RANDOM -> "The model orders customers by uplift better than random order does.";
      case BELOW_RANDOM ->
          "The model puts the customers the treatment helps least first: check the treated and"
              + " control values, or the sign of the scores.";
      case NOT_DISTINGUISHABLE_FROM_RANDOM ->
          "These rows cannot tell the model from random order: its Qini AUC, AUUC and uplift@k"
              + " are no evidence that it finds the customers the treatment changes.";
    };
  }

  /** A sentence broken into lines of at most 78 columns, each indented by two spaces. */
  private static String wrapped(String sentence) {
    StringBuilder text = new StringBuilder();
    StringBuilder line = new StringBuilder(" ");
    for (String word : sentence.split(" ")) {
      if (line.length() + 1 + word.length() > 78) {
        text.append(line).append('\n');
        line = new StringBuilder(" ");
      }
      line.append(' ').append(word);
    }
    return text.append(line).append('\n').toString();
  }

  /** 0.3 as "30%". */
  private static String share(double k) {
    return Html.tick(100 * k) + "%";
  }

  /** "+0.0123". */
  static String signed(double value) {
    return String.format(Locale.ROOT, "%+.4f", value);
  }

  /** A signed value, or {@code missing} where there is none. */
  static String signed(Double value, String missing) {
    return value == null ? missing : signed(value);
  }

  private static String f4(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }

  private static String pct(double value) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * value);
  }
}
