package dev.precis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The SMS Spam Collection in sample-data/sms, as the text tests slice, score and rank it. */
final class SmsSample {
  static final String CONFIG = "sample-data/sms/sms.yaml";
  static final Path TRAIN = Path.of("sample-data/sms/train.tsv");
  static final Path TEST = Path.of("sample-data/sms/test.tsv");

  private SmsSample() {}

  /** The header and messages {@code from} (0 is the first) to {@code from + rows} of a file. */
  static Path slice(Path file, int from, int rows, Path out) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<String> kept = new ArrayList<>(List.of(lines.get(0)));
    kept.addAll(lines.subList(from + 1, from + rows + 1));
    return Files.write(out, kept, StandardCharsets.UTF_8);
  }

  /**
   * {@code precis train --quiet} of SMS messages into {@code out}, with more options after these.
   */
  static CliRun train(Path data, Path out, String... options) {
    return CliRun.withConfig("train", Path.of(CONFIG), data, out, options);
  }

  /** The test AUC `precis eval` reports for a model on a file. */
  static double evalAuc(Path model, Path data) throws IOException {
    CliRun eval =
        CliRun.precis("eval", "--model", model.toString(), "--data", data.toString(), "--json");
    assertEquals(0, eval.exitCode(), eval.transcript());
    return new ObjectMapper().readTree(eval.out()).path("metrics").path("auc").asDouble();
  }

  /**
   * The AUC of the scores `precis predict` wrote for a file's messages (first column, one row per
   * message), counted pair by pair, spam against ham.
   */
  static double predictedAuc(Path scores, Path data) throws IOException {
    List<String> scored = Files.readAllLines(scores, StandardCharsets.UTF_8);
    List<String> rows = Files.readAllLines(data, StandardCharsets.UTF_8);
    assertEquals(rows.size(), scored.size(), "a header and one score per message");
    List<Double> spam = new ArrayList<>();
    List<Double> ham = new ArrayList<>();
    for (int i = 1; i < rows.size(); i++) {
      double score = Double.parseDouble(scored.get(i).split(",")[0]);
      (rows.get(i).startsWith("spam\t") ? spam : ham).add(score);
    }
    double pairs = 0;
    for (double s : spam) {
      for (double h : ham) {
        pairs += s > h ? 1 : s == h ? 0.5 : 0;
      }
    }
    return pairs / spam.size() / ham.size();
  }
}
