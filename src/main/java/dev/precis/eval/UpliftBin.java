package dev.precis.eval;

/**
 * One bin of the rows in descending uplift order (a row of the uplift-by-decile table). A rate, the
 * uplift and its interval are null where the bin holds no row of an arm.
 *
 * @param bin 1-based position, 1 holding the highest scores
 * @param rows rows in this bin
 * @param treatedRows treated rows in this bin
 * @param controlRows control rows in this bin
 * @param treatedResponders treated rows that responded
 * @param controlResponders control rows that responded
 * @param treatedRate treatedResponders / treatedRows
 * @param controlRate controlResponders / controlRows
 * @param uplift treatedRate - controlRate
 * @param low the lower end of the uplift's 95% interval: uplift - 1.96 * sqrt(pt (1 - pt) / nt + pc
 *     (1 - pc) / nc), the normal (Wald) approximation of a difference of two independent
 *     proportions; it has width 0 where both rates are 0 or 1
 * @param high the upper end of that interval
 */
public record UpliftBin(
    int bin,
    long rows,
    long treatedRows,
    long controlRows,
    long treatedResponders,
    long controlResponders,
    Double treatedRate,
    Double controlRate,
    Double uplift,
    Double low,
    Double high) {}
