package dev.precis.data;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.precis.config.ColumnType;
import dev.precis.config.DataConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an experiment's rows say before any model: each arm's size and outcome rate, the raw uplift
 * (the difference of the rates) with its 95% interval, the rows of other arms that were skipped,
 * and a randomisation check: the standardised mean difference (SMD) of each of the user's numeric,
 * categorical and boolean columns between the arms. A column whose |SMD| exceeds {@link
 * #SMD_WARNING} gets a warning: the arms were not drawn at random, or by too few rows.
 *
 * @param treatment the treatment column
 * @param treated the treated arm's value and rows
 * @param control the control arm's value and rows
 * @param skipped rows of each other treatment value, left out
 * @param uplift the treated rate less the control rate
 * @param upliftLow the lower end of its 95% interval (normal approximation)
 * @param upliftHigh the upper end
 * @param balance each checked column's SMD, the largest first (for a categorical column, its level
 *     of largest |SMD|)
 * @param warnings one sentence per column of |SMD| above 0.1
 */
public record Experiment(
    String treatment,
    Arm treated,
    Arm control,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Long> skipped,
    double uplift,
    double upliftLow,
    double upliftHigh,
    List<Balance> balance,
    List<String> warnings) {

  /** The |SMD| above which a column is reported as unbalanced, the usual rule of thumb. */
  public static final double SMD_WARNING = 0.1;

  /**
   * One arm.
   *
   * @param value its treatment value
   * @param rows its labelled rows
   * @param responders its rows with the positive outcome
   * @param rate responders / rows
   */
  public record Arm(String value, long rows, long responders, double rate) {
    static Arm of(String value, boolean[] labels, boolean[] treated, boolean arm) {
      long rows = 0;
      long responders = 0;
      for (int i = 0; i < labels.length; i++) {
        if (treated[i] == arm) {
          rows++;
          responders += labels[i] ? 1 : 0;
        }
      }
      return new Arm(value, rows, responders, rows == 0 ? 0.0 : (double) responders / rows);
    }
  }

  /**
   * A column's standardised mean difference between the arms: (mean treated - mean control) /
   * sqrt((var treated + var control) / 2), of the value, or of a level's 0/1 indicator.
   *
   * @param column the user's column
   * @param level the categorical level it is measured on; null for a number
   * @param smd the difference; 0 where both arms are constant
   */
  public record Balance(
      String column, @JsonInclude(JsonInclude.Include.NON_NULL) String level, double smd) {}

  /** The figures of a prepared experiment, or null for a response. */
  public static Experiment of(Preparation prep, dev.precis.config.PrecisConfig config) {
    if (prep.target().treated() == null) {
      return null;
    }
    return of(
        prep.table(),
        prep.schema(),
        prep.target(),
        config.data(),
        new MissingValues(config.prep().missing().tokens()));
  }

  /** The experiment's figures over every labelled row of both arms. */
  public static Experiment of(
      CsvTable table, Schema schema, Target target, DataConfig data, MissingValues missing) {
    boolean[] labels = target.labels();
    boolean[] arms = target.treated();
    Arm treated = Arm.of(data.treated(), labels, arms, true);
    Arm control = Arm.of(data.control(), labels, arms, false);
    double uplift = treated.rate() - control.rate();
    double se =
        Math.sqrt(
            treated.rate() * (1 - treated.rate()) / treated.rows()
                + control.rate() * (1 - control.rate()) / control.rows());
    List<Balance> balance = new ArrayList<>();
    for (ColumnSpec spec : schema.features()) {
      TableColumn column = table.column(table.indexOf(spec.name(), "a feature"));
      if (spec.type() == ColumnType.NUMERIC) {
        balance.add(new Balance(spec.name(), null, numeric(column, target.rows(), arms)));
      } else if (spec.type() == ColumnType.CATEGORICAL || spec.type() == ColumnType.BOOLEAN) {
        balance.add(worstLevel(spec.name(), column, target.rows(), arms, missing));
      }
    }
    balance.sort((a, b) -> Double.compare(Math.abs(b.smd()), Math.abs(a.smd())));
    List<String> warnings = new ArrayList<>();
    for (Balance b : balance) {
      if (Math.abs(b.smd()) > SMD_WARNING) {
        warnings.add(
            String.format(
                Locale.ROOT,
                "column '%s'%s differs between the arms (standardised mean difference %.3f, above"
                    + " %.1f): check that the arms were drawn at random before trusting the uplift",
                b.column(),
                b.level() == null ? "" : " (level '" + b.level() + "')",
                b.smd(),
                SMD_WARNING));
      }
    }
    return new Experiment(
        data.treatment(),
        treated,
        control,
        target.otherArms(),
        uplift,
        uplift - 1.96 * se,
        uplift + 1.96 * se,
        balance,
        warnings);
  }

  private static double numeric(TableColumn column, int[] rows, boolean[] arms) {
    Moments t = new Moments();
    Moments c = new Moments();
    for (int i = 0; i < rows.length; i++) {
      double v = column.number(column.code(rows[i]));
      if (!Double.isNaN(v)) {
        (arms[i] ? t : c).add(v);
      }
    }
    return smd(t, c);
  }

  private static Balance worstLevel(
      String name, TableColumn column, int[] rows, boolean[] arms, MissingValues missing) {
    long[] treated = new long[column.levelCount()];
    long[] control = new long[column.levelCount()];
    for (int i = 0; i < rows.length; i++) {
      (arms[i] ? treated : control)[column.code(rows[i])]++;
    }
    long nt = java.util.Arrays.stream(treated).sum();
    long nc = java.util.Arrays.stream(control).sum();
    Map<String, long[]> byLevel = new java.util.TreeMap<>();
    for (int k = 0; k < treated.length; k++) {
      String raw = column.level(k);
      String level = raw == null || missing.isMissing(raw) ? "(missing)" : raw.strip();
      long[] counts = byLevel.computeIfAbsent(level, l -> new long[2]);
      counts[0] += treated[k];
      counts[1] += control[k];
    }
    Balance worst = new Balance(name, null, 0.0);
    for (Map.Entry<String, long[]> level : byLevel.entrySet()) {
      double smd =
          smd(Moments.ofShare(level.getValue()[0], nt), Moments.ofShare(level.getValue()[1], nc));
      if (worst.level() == null || Math.abs(smd) > Math.abs(worst.smd())) {
        worst = new Balance(name, level.getKey(), smd);
      }
    }
    return worst;
  }

  private static double smd(Moments t, Moments c) {
    double pooled = Math.sqrt((t.variance() + c.variance()) / 2);
    return pooled == 0 ? 0.0 : (t.mean() - c.mean()) / pooled;
  }

  /** A running mean and variance (Welford), or those of a 0/1 indicator's share. */
  private static final class Moments {
    private long n;
    private double mean;
    private double m2;

    static Moments ofShare(long ones, long rows) {
      Moments m = new Moments();
      m.n = rows;
      m.mean = rows == 0 ? 0.0 : (double) ones / rows;
      m.m2 = m.mean * (1 - m.mean) * rows;
      return m;
    }

    void add(double v) {
      n++;
      double delta = v - mean;
      mean += delta / n;
      m2 += delta * (v - mean);
    }

    double mean() {
      return mean;
    }

    double variance() {
      return n == 0 ? 0.0 : m2 / n;
    }
  }
}
