package dev.precis.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.precis.PrecisException;
import dev.precis.config.Mappers;
import dev.precis.eval.BinaryMetrics;
import dev.precis.eval.GateResult;
import dev.precis.eval.Gates;
import dev.precis.io.InputFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An earlier eval report the metrics are held against (--baseline): how each main metric moved, and
 * the eval.max_drop gates.
 *
 * @param report the baseline report file
 * @param changes per main metric, its value then and now
 * @param gates the eval.max_drop verdicts
 */
public record Baseline(InputFile report, Map<String, Change> changes, List<GateResult> gates) {
  private static final String KIND = "precis.eval/";

  /** Reads metrics written by another version, which may have more (or fewer) of them. */
  private static final ObjectMapper LENIENT =
      Mappers.json().copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private static final List<String> MAIN =
      List.of("auc", "pr_auc", "log_loss", "brier", "top_lift");

  /**
   * A metric then and now.
   *
   * @param baseline its value in the baseline report
   * @param value its value now
   * @param change value minus baseline
   */
  public record Change(double baseline, double value, double change) {}

  /** The baseline's metrics, read from an eval report; a file that is not one is a usage error. */
  public static BinaryMetrics metrics(Path path) {
    JsonNode root;
    try {
      root = Mappers.json().readTree(Files.readAllBytes(path));
    } catch (IOException e) {
      throw PrecisException.usage(
          "--baseline " + path + ": cannot be read as an eval report (" + e.getMessage() + ")");
    }
    String schema = root == null ? "" : root.path("schema").asText();
    // any version of the eval report: the metrics read here have kept their names and shapes
    if (!schema.startsWith(KIND)) {
      throw PrecisException.usage(
          "--baseline "
              + path
              + ": is not an eval report (schema "
              + EvalReport.SCHEMA
              + (schema.isEmpty() ? "; it has none" : "; it has " + schema)
              + "); write one with precis eval --out FILE");
    }
    if (root.path("metrics").isNull()) {
      throw PrecisException.usage(
          "--baseline "
              + path
              + ": is the report of an uplift model, which has no response metrics to compare;"
              + " give the eval report of a response model");
    }
    try {
      return LENIENT.treeToValue(root.path("metrics"), BinaryMetrics.class);
    } catch (IOException e) {
      throw PrecisException.usage(
          "--baseline " + path + ": its metrics cannot be read: " + e.getMessage());
    }
  }

  /** Compares metrics now with the baseline's and applies the allowed drops. */
  public static Baseline compare(
      Path path, BinaryMetrics before, BinaryMetrics now, Map<String, Double> maxDrop) {
    Map<String, Change> changes = new LinkedHashMap<>();
    for (String metric : MAIN) {
      double was = Gates.value(metric, before);
      double is = Gates.value(metric, now);
      changes.put(metric, new Change(was, is, is - was));
    }
    return new Baseline(InputFile.of(path), changes, Gates.drops(maxDrop, now, before));
  }
}
