package dev.precis.eval;

/**
 * Uplift among the top share k of rows by score, as scikit-uplift's uplift_at_k: the responders'
 * share among the treated rows minus that among the control rows. Null where the top holds no row
 * of an arm.
 *
 * @param k the share of rows, 0 < k <= 1
 * @param overall strategy overall: the top int(n * k) rows of the order
 * @param byGroup strategy by_group: the top int(n_treated * k) treated rows and the top
 *     int(n_control * k) control rows, each in the same order
 */
public record UpliftAtK(double k, Double overall, Double byGroup) {}
