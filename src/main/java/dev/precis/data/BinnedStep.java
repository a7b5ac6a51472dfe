package dev.precis.data;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.precis.config.PrepConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A numeric column cut into quantile bins of its training values, one-hot: features "name:bin1" to
 * "name:binK", one set per row, so that a linear model learns a step function of the number
 * (ordinal bin numbers would be a monotone transform, which a linear model gains little from). A
 * missing value is filled in first, as by {@link NumericStep}, and marked by "name:missing".
 *
 * @param name the column
 * @param fill what a missing value is taken to be
 * @param edges the upper bounds of every bin but the last, ascending: bin k holds the values in
 *     (edges[k-2], edges[k-1]]; values beyond the training range fall in the first or last bin
 * @param indicator whether "name:missing" marks rows where it was missing
 * @param sentinels numbers that mean "missing" in this column
 */
public record BinnedStep(
    String name,
    double fill,
    List<Double> edges,
    boolean indicator,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Double> sentinels)
    implements SingleColumnStep {

  public BinnedStep {
    edges = List.copyOf(edges);
    sentinels = sentinels == null ? List.of() : List.copyOf(sentinels);
  }

  /**
   * Cuts at the training quantiles 1/bins, 2/bins, ...; tied quantiles make one edge, so a column
   * with few distinct values gets fewer bins.
   *
   * @throws dev.precis.PrecisException (data) when a value is not a number
   */
  public static BinnedStep fit(TrainingColumn column, PrepConfig prep) {
    PrepConfig.ColumnPrep settings = prep.numericColumn(column.name());
    NumericSample sample = NumericSample.of(column);
    List<Double> edges = new ArrayList<>();
    for (int k = 1; k < settings.bins(); k++) {
      double edge = sample.quantile((double) k / settings.bins());
      if (sample.size() > 0 && (edges.isEmpty() || edge > edges.get(edges.size() - 1))) {
        edges.add(edge);
      }
    }
    // an edge at the maximum would leave its last bin empty
    if (!edges.isEmpty() && edges.get(edges.size() - 1) >= sample.max()) {
      edges.remove(edges.size() - 1);
    }
    return new BinnedStep(
        column.name(),
        NumericStep.fill(sample, settings, column.name()),
        edges,
        settings.indicator() && sample.size() < column.size(),
        prep.missing().sentinels().getOrDefault(column.name(), List.of()));
  }

  @Override
  public List<String> featureNames() {
    List<String> names = new ArrayList<>();
    for (int k = 1; k <= edges.size() + 1; k++) {
      names.add(name + ":bin" + k);
    }
    if (indicator) {
      names.add(name + ":missing");
    }
    return names;
  }

  /** The bin of a value, from 0. */
  int bin(double value) {
    int at = Collections.binarySearch(edges, value);
    return at >= 0 ? at : -at - 1;
  }

  @Override
  public StepEncoder encoder(int[] columns, int first, MissingValues missing) {
    int column = columns[0];
    MissingValues own = missing.withSentinels(sentinels);
    int indicatorFeature = first + edges.size() + 1;
    return (fields, out) -> {
      String raw = fields[column];
      boolean absent = own.isMissing(raw);
      double value = NumericStep.valueOf(raw, absent, fill, name);
      out.put(first + bin(value), 1.0);
      if (indicator && absent) {
        out.put(indicatorFeature, 1.0);
      }
    };
  }
}
