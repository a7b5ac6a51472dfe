package dev.precis.train;

import dev.precis.config.TextConfig;
import dev.precis.data.ColumnStep;
import dev.precis.data.FeaturePipeline;
import dev.precis.data.TextStep;
import dev.precis.model.ModelArtifact;
import dev.precis.report.TermWeights;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The terms of each text column with the largest weights, for a model that has weights (logistic,
 * linear-svm). Hashed columns have no terms to name, only buckets, and are left out.
 */
public final class TopTerms {
  /** Terms listed per column and sign. */
  public static final int COUNT = 15;

  private TopTerms() {}

  /** Empty when the model is not linear or no column is text. */
  public static List<TermWeights> of(ModelArtifact model, FeaturePipeline pipeline) {
    var weights = model.linearWeights(pipeline.featureNames());
    if (weights.isEmpty()) {
      return List.of();
    }
    List<TermWeights> columns = new ArrayList<>();
    int first = 0;
    for (ColumnStep step : pipeline.steps()) {
      if (step instanceof TextStep text && text.weighting() != TextConfig.Weighting.HASHING) {
        columns.add(column(text, weights.get(), first));
      }
      first += step.featureCount();
    }
    return columns;
  }

  private static TermWeights column(TextStep step, double[] weights, int first) {
    List<String> terms = step.terms();
    Comparator<Integer> byWeight = Comparator.comparingDouble(t -> weights[first + t]);
    List<Integer> order =
        IntStream.range(0, terms.size()).boxed().sorted(byWeight.thenComparing(t -> t)).toList();
    List<TermWeights.Term> negative = new ArrayList<>();
    List<TermWeights.Term> positive = new ArrayList<>();
    for (int k = 0; k < Math.min(COUNT, order.size()); k++) {
      int low = order.get(k);
      int high = order.get(order.size() - 1 - k);
      if (weights[first + low] < 0) {
        negative.add(new TermWeights.Term(terms.get(low), weights[first + low]));
      }
      if (weights[first + high] > 0) {
        positive.add(new TermWeights.Term(terms.get(high), weights[first + high]));
      }
    }
    return new TermWeights(step.name(), positive, negative);
  }
}
