package dev.precis.config;

/**
 * What a campaign costs and earns (eval.economics): the money behind a targeting depth. Profit at
 * depth k (the k best-scoring rows contacted) is {@code value * responders - cost * k - fixed}, and
 * ROI is that profit over the spend {@code cost * k + fixed}.
 *
 * @param cost spent per contacted row
 * @param value earned per responder
 * @param fixed spent once, whatever the depth (0 when not set)
 * @param budget the most a campaign may contact or spend; null for no limit
 */
public record Economics(double cost, double value, Double fixed, Budget budget) {

  /**
   * A campaign's limit: a number of contacts, or money (covering the fixed cost and every contact).
   * Exactly one is set.
   *
   * @param contacts the most rows contacted
   * @param money the most spent, fixed cost included
   */
  public record Budget(Long contacts, Double money) {
    public Budget {
      if ((contacts == null) == (money == null)) {
        throw new ConfigException(
            "eval.economics.budget", "set one of contacts or money, e.g. {contacts: 5000}");
      }
      if (contacts != null && contacts < 0) {
        throw new ConfigException(
            "eval.economics.budget.contacts", "must be at least 0 (got " + contacts + ")");
      }
      if (money != null) {
        Check.within(money, 0, Double.MAX_VALUE, "eval.economics.budget.money");
      }
    }
  }

  public Economics {
    Check.within(cost, 0, Double.MAX_VALUE, "eval.economics.cost");
    if (!(value > 0 && value < Double.POSITIVE_INFINITY)) {
      throw new ConfigException("eval.economics.value", "must be above 0 (got " + value + ")");
    }
    fixed = fixed == null ? 0.0 : Check.within(fixed, 0, Double.MAX_VALUE, "eval.economics.fixed");
  }

  /** Profit of contacting {@code contacts} rows of which {@code responders} respond (expected). */
  public double profit(long contacts, double responders) {
    return value * responders - spend(contacts);
  }

  /** What contacting {@code contacts} rows costs, the fixed cost included. */
  public double spend(long contacts) {
    return cost * contacts + fixed;
  }

  /** Profit over spend; null when nothing is spent. */
  public Double roi(long contacts, double responders) {
    double spend = spend(contacts);
    return spend == 0 ? null : profit(contacts, responders) / spend;
  }

  /** The most rows the budget allows, at most {@code rows}. */
  public long maxContacts(long rows) {
    if (budget == null) {
      return rows;
    }
    if (budget.contacts() != null) {
      return Math.min(rows, budget.contacts());
    }
    if (budget.money() < fixed) {
      return 0;
    }
    if (cost == 0) {
      return rows;
    }
    // The small tolerance keeps a budget of exactly k contacts from losing the k-th to rounding.
    return Math.min(rows, (long) Math.floor((budget.money() - fixed) / cost + 1e-9));
  }

  /**
   * Whether contacting a row scoring {@code probability} is expected to pay: its expected value
   * {@code probability * value} is above the cost (a row that only breaks even is left out).
   */
  public boolean pays(double probability) {
    return probability * value > cost;
  }
}
