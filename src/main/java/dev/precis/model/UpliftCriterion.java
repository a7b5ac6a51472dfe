package dev.precis.model;

/**
 * The split criteria of Rzepakowski and Jaroszewicz (2012, "Decision trees for uplift modeling with
 * single and multiple treatments", Knowledge and Information Systems 32), on a binary outcome: a
 * split's gain is how much it raises the divergence between the treated and the control arm's
 * outcome distributions, the children's divergences weighed by their rows, divided by the paper's
 * normalisation, which penalises a split that sends the arms apart unevenly and a split into very
 * unequal children. Logarithms are base 2.
 */
enum UpliftCriterion {
  /** Kullback-Leibler divergence, normalised with entropy (the paper's I). */
  KL {
    @Override
    double divergence(double p, double q) {
      double c = clamp(q);
      return xlog(p, c) + xlog(1 - p, 1 - c);
    }

    @Override
    double impurity(double p) {
      return -xlog(p, 1) - xlog(1 - p, 1);
    }
  },
  /** Squared Euclidean distance, normalised with the Gini index (the paper's J). */
  ED {
    @Override
    double divergence(double p, double q) {
      return 2 * (p - q) * (p - q);
    }
  },
  /** Chi-squared divergence, normalised with the Gini index (the paper's J). */
  CHI {
    @Override
    double divergence(double p, double q) {
      double c = clamp(q);
      return (p - c) * (p - c) / (c * (1 - c));
    }
  };

  /** Keeps a control rate of 0 or 1 from making KL and chi-squared infinite (as CausalML does). */
  private static final double EPSILON = 1e-6;

  /** The criterion a config names: kl, ed or chi. */
  static UpliftCriterion named(String name) {
    return valueOf(name.toUpperCase(java.util.Locale.ROOT));
  }

  /** The divergence of outcome distribution (p, 1 - p) from (q, 1 - q). */
  abstract double divergence(double p, double q);

  /** The impurity of the distribution (p, 1 - p) that the normalisation uses: Gini by default. */
  double impurity(double p) {
    return 1 - p * p - (1 - p) * (1 - p);
  }

  /**
   * The normalised gain of splitting a node into {@code left} and the rest.
   *
   * @param node the node's counts of each arm's rows and responders
   * @param left the left child's counts; the right child has the difference
   */
  double gain(Counts node, Counts left) {
    Counts right = node.minus(left);
    double n = node.rows();
    double before = divergence(node.treatedRate(), node.controlRate());
    double after =
        left.rows() / n * divergence(left.treatedRate(), left.controlRate())
            + right.rows() / n * divergence(right.treatedRate(), right.controlRate());
    double treatedShare = node.treated() / n;
    double treatedLeft = left.treated() / (double) node.treated();
    double controlLeft = left.control() / (double) node.control();
    double normalisation =
        impurity(treatedShare) * divergence(treatedLeft, controlLeft)
            + treatedShare * impurity(treatedLeft)
            + (1 - treatedShare) * impurity(controlLeft)
            + 0.5;
    return (after - before) / normalisation;
  }

  /**
   * Rows and responders of each arm in a node.
   *
   * @param treated treated rows
   * @param treatedResponders treated rows with the outcome
   * @param control control rows
   * @param controlResponders control rows with the outcome
   */
  record Counts(int treated, int treatedResponders, int control, int controlResponders) {
    int rows() {
      return treated + control;
    }

    double treatedRate() {
      return treated == 0 ? 0 : treatedResponders / (double) treated;
    }

    double controlRate() {
      return control == 0 ? 0 : controlResponders / (double) control;
    }

    Counts minus(Counts other) {
      return new Counts(
          treated - other.treated,
          treatedResponders - other.treatedResponders,
          control - other.control,
          controlResponders - other.controlResponders);
    }
  }

  private static double clamp(double q) {
    return Math.min(Math.max(q, EPSILON), 1 - EPSILON);
  }

  /** p log2(p / q), 0 where p is 0. */
  private static double xlog(double p, double q) {
    return p <= 0 ? 0 : p * Math.log(p / q) / Math.log(2);
  }
}
