package dev.precis.report;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.precis.eval.BinaryMetrics;
import dev.precis.eval.Comparison;
import dev.precis.eval.RocPoint;
import dev.precis.io.InputFile;
import java.util.List;

/**
 * The comparison section of eval-report.json: the challenger bundle, its metrics on the same rows
 * and its differences from the champion (--model).
 *
 * @param challengerRoc the challenger's ROC curve, thinned as the champion's {@code roc}
 */
public record ChallengerComparison(
    InputFile challenger,
    BinaryMetrics challengerMetrics,
    @JsonUnwrapped Comparison comparison,
    List<RocPoint> challengerRoc) {}
