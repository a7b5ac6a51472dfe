package dev.precis.data;

/**
 * The weight of each class's rows in a fit's loss: what prep.imbalance {@code weights} gives the
 * training rows, and 1 each otherwise. Every family takes them: Tribuo's trainers as example or
 * label weights, XGBoost as row weights, the networks in their loss.
 *
 * @param negative the weight of a negative row
 * @param positive the weight of a positive row
 */
public record ClassWeights(double negative, double positive) {
  /** Each row weighs 1. */
  public static final ClassWeights NONE = new ClassWeights(1, 1);

  /**
   * @throws IllegalArgumentException when a weight is not positive and finite
   */
  public ClassWeights {
    if (!(negative > 0 && positive > 0 && Double.isFinite(negative) && Double.isFinite(positive))) {
      throw new IllegalArgumentException(
          "class weights must be positive: " + negative + ", " + positive);
    }
  }

  /** The weight of a row of this class. */
  public double of(boolean isPositive) {
    return isPositive ? positive : negative;
  }

  /** Whether every row weighs the same. */
  public boolean uniform() {
    return negative == positive;
  }
}
