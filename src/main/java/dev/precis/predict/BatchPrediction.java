package dev.precis.predict;

import dev.precis.config.Economics;
import dev.precis.config.ModelConfig;
import dev.precis.config.PrecisConfig;
import dev.precis.config.PredictConfig;
import dev.precis.data.FeatureDrift;
import dev.precis.data.FeatureTally;
import dev.precis.eval.GateResult;
import dev.precis.eval.Gates;
import dev.precis.eval.ScoreDrift;
import dev.precis.io.InputFile;
import dev.precis.io.OutputFile;
import dev.precis.io.Temporaries;
import dev.precis.model.ModelBundle;
import dev.precis.model.ModelCatalog;
import dev.precis.model.ScoreBins;
import dev.precis.model.ScoredBlock;
import dev.precis.model.SkippedRows;
import dev.precis.model.StreamingScorer;
import dev.precis.model.UpliftTask;
import dev.precis.report.PredictReport;
import dev.precis.report.ReportHeader;
import dev.precis.report.Reports;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import org.apache.commons.csv.CSVFormat;

/**
 * Scores a customer file of any size and picks who to target. Writes one line per row: the id (when
 * the model has one), the score, its decile among the training scores, and whether it is selected
 * (when a top percent, a threshold or a budget is set). An uplift model's score is the uplift,
 * after each arm's probability (p_treated, p_control); a budget then reads uplift * value - cost as
 * each contact's incremental profit.
 */
public final class BatchPrediction {
  private final ModelBundle bundle;
  private final PrecisConfig config;
  private final LongConsumer progress;
  private final boolean hasId;
  // an uplift bundle writes each arm's probability and ranks by the signed uplift
  private final boolean uplift;
  private final ScoreBins bins;
  private long rows;
  private final SkippedRows skipped = new SkippedRows();
  private final Map<String, Long> unseen = new TreeMap<>();
  private String dataSha256;
  private double scoreSum;
  private final Map<Integer, Long> deciles = new TreeMap<>();
  private final FeatureTally drift;

  /**
   * @param progress told the number of rows scored so far, after each block
   */
  public BatchPrediction(ModelBundle bundle, PrecisConfig config, LongConsumer progress) {
    this.bundle = bundle;
    this.config = config;
    this.progress = progress;
    this.hasId = bundle.pipeline().id() != null;
    this.bins = bundle.bins();
    this.drift = bundle.featureTally().orElse(null);
    this.uplift = bundle.manifest().task() instanceof UpliftTask;
  }

  /**
   * @param data the file to score, or {@code -} for standard input
   * @param out the scored CSV (a file, a device or FIFO, or standard output)
   */
  public PredictReport run(Path modelPath, Path data, OutputFile out) {
    long start = System.nanoTime();
    PredictConfig select = config.predict();
    Selection selection;
    if (select.topPercent() != null) {
      selection = top(data, out, "top_percent", top -> top.select(select.topPercent()));
    } else if (select.budget()) {
      selection = top(data, out, "budget", top -> top.selectProfitable(economics()));
    } else {
      selection = singlePass(data, out, select.threshold());
    }
    double seconds = Reports.secondsSince(start);
    Map<String, Double> timings = new LinkedHashMap<>();
    timings.put("total", seconds);
    ScoreDrift scoreDrift = rows == 0 ? null : ScoreDrift.of(scoreBinCounts());
    FeatureDrift featureDrift = FeatureDrift.ofCounted(drift, bundle.pipeline());
    List<GateResult> gates =
        Gates.drift(
            select.failOver(), featureDrift.psi(), scoreDrift == null ? null : scoreDrift.psi());
    return new PredictReport(
        ReportHeader.now(PredictReport.SCHEMA),
        InputFile.of(modelPath),
        new InputFile(data.toString(), dataSha256),
        out.path().toString(),
        rows,
        skipped.count(),
        skipped.examples(),
        unseen.values().stream().mapToLong(Long::longValue).sum(),
        unseen,
        selection.rule,
        selection.selected,
        selection.cutoff,
        rows == 0 ? 0.0 : scoreSum / rows,
        deciles,
        config.engine().effectiveThreads(),
        Math.round(rows / Math.max(seconds, 1e-3)),
        timings,
        selection.expectedResponders,
        selection.expectedResponders == null
            ? null
            : economics().profit(selection.selected, selection.expectedResponders),
        warnings(),
        select.explain(),
        select.explain() > 0 ? bundle.explainer().method() : null,
        scoreDrift,
        featureDrift,
        gates,
        gates.stream().allMatch(GateResult::passed));
  }

  /** The rows per training score bin, best first. */
  private long[] scoreBinCounts() {
    long[] counts = new long[bins.cuts().size() + 1];
    deciles.forEach((bin, count) -> counts[bin - 1] = count);
    return counts;
  }

  /**
   * What was selected, and by which rule; the expected responders (the sum of the selected scores)
   * under a budget only.
   */
  private record Selection(String rule, long selected, Double cutoff, Double expectedResponders) {}

  private Economics economics() {
    return config.eval().economics();
  }

  /**
   * What the reader should know about the selection: a budget weighs scores as probabilities, which
   * the scores of a family that does not make them are only once calibrated.
   */
  private List<String> warnings() {
    if (!config.predict().budget()
        || config.model().calibration() != ModelConfig.Calibration.NONE
        || ModelCatalog.type(config.model().type()).probabilistic()) {
      return List.of();
    }
    return List.of(
        "the budget selection reads scores as probabilities, but "
            + config.model().type()
            + " scores are not and model.calibration is none: expected responders and profit"
            + " are not to be trusted (train with model.calibration: auto)");
  }

  private Selection singlePass(Path data, OutputFile out, Double threshold) {
    Integer thresholdMicros =
        threshold == null ? null : (int) Math.ceil(threshold * ScoreFormat.SCALE - 1e-6);
    long[] selected = {0};
    int[] lowest = {Integer.MAX_VALUE};
    write(
        out,
        writer -> {
          writer.write(header(threshold != null));
          score(
              data,
              block ->
                  format(block, micros -> thresholdMicros != null && micros >= thresholdMicros),
              text -> {
                selected[0] += text.selected;
                lowest[0] = Math.min(lowest[0], text.lowestSelected);
                writeQuietly(writer, text.lines);
              });
        });
    if (threshold == null) {
      return new Selection("none", 0, null, null);
    }
    return new Selection(
        "threshold",
        selected[0],
        selected[0] == 0 ? null : lowest[0] / (double) ScoreFormat.SCALE,
        null);
  }

  /**
   * Scores the file once into a scratch file, then marks the best rows: as many as {@code pick}
   * fixes on the scores seen.
   */
  private Selection top(
      Path data,
      OutputFile out,
      String rule,
      java.util.function.ToLongFunction<TopSelection> pick) {
    out.check();
    TopSelection top = new TopSelection(uplift);
    Path unselected = out.scratch();
    try {
      try (Writer writer = Files.newBufferedWriter(unselected, StandardCharsets.UTF_8)) {
        score(
            data,
            block -> format(block, micros -> false),
            text -> {
              for (int micros : text.micros) {
                top.add(micros);
              }
              writeQuietly(writer, text.lines);
            });
      } catch (IOException | UncheckedIOException e) {
        throw out.scratchFailure(unselected, e);
      }
      long k = pick.applyAsLong(top);
      write(out, writer -> appendSelection(unselected, writer, top));
      return new Selection(
          rule,
          k,
          k == 0 ? null : top.cutoff() / (double) ScoreFormat.SCALE,
          config.predict().budget() ? top.selectedScoreSum() : null);
    } finally {
      Temporaries.deleteQuietly(unselected);
    }
  }

  private void appendSelection(Path unselected, Writer writer, TopSelection top)
      throws IOException {
    try (BufferedReader reader = Files.newBufferedReader(unselected, StandardCharsets.UTF_8)) {
      writer.write(header(true));
      String line;
      StringBuilder out = new StringBuilder(1 << 16);
      while ((line = reader.readLine()) != null) {
        int decileComma = line.lastIndexOf(',');
        int scoreComma = line.lastIndexOf(',', decileComma - 1);
        boolean chosen = top.take(ScoreFormat.parseMicros(line, scoreComma + 1, decileComma));
        out.append(line).append(chosen ? ",1" : ",0");
        if (config.predict().explain() > 0) {
          out.append(',').append(reader.readLine());
        }
        out.append('\n');
        if (out.length() > (1 << 16) - 256) {
          writer.append(out);
          out.setLength(0);
        }
      }
      writer.append(out);
    }
  }

  /** Scores the file, keeping the SHA-256 of its bytes for the report. */
  private void score(
      Path data,
      java.util.function.Function<ScoredBlock, FormattedBlock> finish,
      java.util.function.Consumer<FormattedBlock> sink) {
    boolean skip = config.predict().badRows() == PredictConfig.BadRows.SKIP;
    dataSha256 =
        new StreamingScorer(
                bundle,
                data,
                config.data(),
                StreamingScorer.Mode.IDENTIFIED,
                config.engine().effectiveThreads(),
                skip)
            .explaining(config.predict().explain())
            .measuringDrift(drift == null ? null : drift.empty())
            .run(
                finish,
                block -> {
                  sink.accept(block);
                  progress.accept(rows);
                });
  }

  /** A block as output lines, with what the summary needs to know of it. */
  private static final class FormattedBlock {
    final StringBuilder lines = new StringBuilder();
    int[] micros;
    long selected;
    int lowestSelected = Integer.MAX_VALUE;
  }

  /** Runs on a worker: formats a scored block and counts it into the summary (synchronized). */
  private FormattedBlock format(ScoredBlock block, java.util.function.IntPredicate selected) {
    FormattedBlock text = new FormattedBlock();
    text.micros = new int[block.rows()];
    long[] binCounts = new long[bins.cuts().size() + 2];
    double sum = 0;
    for (int i = 0; i < block.rows(); i++) {
      double score = block.scores()[i];
      int micros = ScoreFormat.micros(score);
      text.micros[i] = micros;
      if (hasId) {
        appendId(text.lines, block.ids()[i]);
        text.lines.append(',');
      }
      if (uplift) {
        appendArms(text.lines, block, i);
      }
      ScoreFormat.append(text.lines, micros);
      int bin = bins.bin(score);
      binCounts[bin]++;
      sum += score;
      text.lines.append(',').append(bin);
      if (config.predict().threshold() != null) {
        boolean chosen = selected.test(micros);
        text.lines.append(chosen ? ",1" : ",0");
        if (chosen) {
          text.selected++;
          text.lowestSelected = Math.min(text.lowestSelected, micros);
        }
      }
      if (block.reasons() != null) {
        // before top_percent's selection is known its reasons go on a line of their own
        text.lines.append(config.predict().topPercent() != null ? '\n' : ',');
        appendReasons(text.lines, block.reasons()[i]);
      }
      text.lines.append('\n');
    }
    synchronized (this) {
      rows += block.rows();
      scoreSum += sum;
      block.unseenLevels().forEach((column, n) -> unseen.merge(column, n, Long::sum));
      skipped.add(block);
      if (drift != null) {
        drift.merge(block.drift());
      }
      for (int b = 1; b < binCounts.length; b++) {
        if (binCounts[b] > 0) {
          deciles.merge(b, binCounts[b], Long::sum);
        }
      }
    }
    return text;
  }

  /** A row's p_treated and p_control cells; empty for a model without them. */
  private static void appendArms(StringBuilder out, ScoredBlock block, int row) {
    if (block.treated() != null) {
      ScoreFormat.append(out, ScoreFormat.micros(block.treated()[row]));
      out.append(',');
      ScoreFormat.append(out, ScoreFormat.micros(block.control()[row]));
    } else {
      out.append(',');
    }
    out.append(',');
  }

  private static void appendId(StringBuilder out, String id) {
    appendCell(out, id, true);
  }

  /** The reasons as cells; a value's line breaks are spaces, so they stay on one line. */
  private static void appendReasons(StringBuilder out, String[] reasons) {
    for (int k = 0; k < reasons.length; k++) {
      appendCell(out, reasons[k], k == 0);
    }
  }

  private static void appendCell(StringBuilder out, String value, boolean first) {
    try {
      CSVFormat.DEFAULT.print(value, out, first);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String header(boolean withSelected) {
    StringBuilder header = new StringBuilder(hasId ? bundle.pipeline().id() + "," : "");
    header
        .append(uplift ? "p_treated,p_control,uplift,decile" : "score,decile")
        .append(withSelected ? ",selected" : "");
    for (int k = 1; k <= config.predict().explain(); k++) {
      header.append(",reason").append(k);
    }
    return header.append('\n').toString();
  }

  @FunctionalInterface
  private interface WriterBody {
    void write(Writer writer) throws IOException;
  }

  private static void write(OutputFile out, WriterBody body) {
    out.write(
        stream -> {
          Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
          body.write(writer);
          writer.flush();
        });
  }

  private static void writeQuietly(Writer writer, CharSequence text) {
    try {
      writer.append(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
