package dev.precis.eval;

/**
 * A campaign that contacts the best-scoring {@code depth} rows, in money. Plain data: never throws.
 *
 * @param depth rows contacted, best scores first
 * @param share depth over all rows
 * @param responders positive rows among them
 * @param minScore lowest score contacted; null at depth 0
 * @param spend cost of the contacts plus the fixed cost
 * @param profit value of the responders less the spend
 * @param roi profit over spend; null when nothing is spent
 */
public record ProfitAtDepth(
    long depth,
    double share,
    long responders,
    Double minScore,
    double spend,
    double profit,
    Double roi) {}
