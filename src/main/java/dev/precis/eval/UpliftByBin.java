package dev.precis.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * The uplift-by-decile table as scikit-uplift's uplift_by_percentile (strategy overall) builds it:
 * the ordered rows split as numpy.array_split does (n / bins rows a bin, the first n % bins bins
 * one row more), per bin the treated rate minus the control rate, with its 95% interval. The
 * interval is Agresti and Caffo's (2000): the normal approximation of a difference of two
 * proportions after adding one responder and one non-responder to each arm. Unlike the plain (Wald)
 * one it keeps its coverage on few responders, and never has width 0 (a bin whose control rows hold
 * no responder would otherwise get an interval of the treated rate's noise alone).
 */
final class UpliftByBin {
  /** The standard normal's 97.5% quantile. */
  private static final double Z = 1.959963984540054;

  private UpliftByBin() {}

  /** Bins that would get no rows (n < bins) are left out. Needs bins >= 1. */
  static List<UpliftBin> build(UpliftRanking ranking, int bins) {
    int n = ranking.size();
    List<UpliftBin> table = new ArrayList<>();
    int from = 0;
    for (int i = 0; i < bins; i++) {
      int to = from + n / bins + (i < n % bins ? 1 : 0);
      if (from == to) {
        continue;
      }
      long nt = 0;
      long nc = 0;
      long yt = 0;
      long yc = 0;
      for (int k = from; k < to; k++) {
        long responded = ranking.responded(k) ? 1 : 0;
        if (ranking.treated(k)) {
          nt++;
          yt += responded;
        } else {
          nc++;
          yc += responded;
        }
      }
      table.add(bin(i + 1, nt, nc, yt, yc));
      from = to;
    }
    return table;
  }

  private static UpliftBin bin(int bin, long nt, long nc, long yt, long yc) {
    Double pt = nt == 0 ? null : (double) yt / nt;
    Double pc = nc == 0 ? null : (double) yc / nc;
    if (pt == null || pc == null) {
      return new UpliftBin(bin, nt + nc, nt, nc, yt, yc, pt, pc, null, null, null);
    }
    // Agresti-Caffo: one responder and one non-responder added to each arm
    double at = (yt + 1.0) / (nt + 2);
    double ac = (yc + 1.0) / (nc + 2);
    double se = Math.sqrt(at * (1 - at) / (nt + 2) + ac * (1 - ac) / (nc + 2));
    return new UpliftBin(
        bin, nt + nc, nt, nc, yt, yc, pt, pc, pt - pc, at - ac - Z * se, at - ac + Z * se);
  }
}
