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
 * @param low the lower end of the uplift's 95% interval (Agresti-Caffo): with at = (yt + 1) / (nt +
 *     2) and ac = (yc + 1) / (nc + 2), at - ac - 1.96 * sqrt(at (1 - at) / (nt + 2) + ac (1 - ac) /
 *     (nc + 2)); it is centred on the adjusted difference, not exactly on {@code uplift}
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
