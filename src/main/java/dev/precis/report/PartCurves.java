package dev.precis.report;

import dev.precis.eval.CalibrationBin;
import dev.precis.eval.RocPoint;
import java.util.List;

/**
 * The train report's curves of one part of the split, for charts (train --html): the validation
 * rows, or the training rows when there are none.
 *
 * @param part "valid" or "train"; its metrics (and gains table) are {@code metrics.<part>}
 * @param roc its ROC curve, at most {@link dev.precis.eval.RocCurve#POINTS} vertices of the exact
 *     curve, as eval's {@code roc}
 * @param calibration its calibration table, as eval's {@code calibration}
 */
public record PartCurves(String part, List<RocPoint> roc, List<CalibrationBin> calibration) {
  public PartCurves {
    roc = List.copyOf(roc);
    calibration = List.copyOf(calibration);
  }
}
