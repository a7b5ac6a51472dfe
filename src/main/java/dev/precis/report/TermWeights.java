package dev.precis.report;

import java.util.List;

/**
 * The terms of one text column that weigh most in a linear model: the train report's "terms".
 *
 * @param column the text column
 * @param positive the terms with the largest positive weights (towards a response), largest first
 * @param negative the terms with the largest negative weights, most negative first
 */
public record TermWeights(String column, List<Term> positive, List<Term> negative) {
  public TermWeights {
    positive = List.copyOf(positive);
    negative = List.copyOf(negative);
  }

  /**
   * @param term the term ("call now")
   * @param weight its weight in the log-odds of a response, per unit of its feature
   */
  public record Term(String term, double weight) {}
}
