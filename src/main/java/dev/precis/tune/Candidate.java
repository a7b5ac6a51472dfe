package dev.precis.tune;

import java.util.Map;

/**
 * One planned trial.
 *
 * @param number its place in the plan, from 1: with the seed, it fixes the candidate and its model
 *     seed, so a resumed search retries exactly the same trial
 * @param space the model type's space it was drawn from
 * @param params complete model parameters
 * @param rung the successive-halving rung, 0 otherwise
 * @param budget what halving limited, for the report (empty for a full fit)
 * @param rowShare share of each fold's training rows to fit on (below 1 only for halving of a type
 *     without a budget parameter)
 */
record Candidate(
    int number,
    FamilySpace space,
    Map<String, Object> params,
    int rung,
    Map<String, Object> budget,
    double rowShare) {

  /** A full-budget candidate of rung 0. */
  static Candidate full(int number, FamilySpace space, Map<String, Object> params) {
    return new Candidate(number, space, params, 0, Map.of(), 1.0);
  }

  String family() {
    return space.family();
  }
}
