package dev.precis.uplift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precis.cli.CliRun;
import dev.precis.config.ConfigLoader;
import dev.precis.config.ConfigOverride;
import dev.precis.config.PrecisConfig;
import dev.precis.data.Preparation;
import dev.precis.data.SparseRows;
import dev.precis.model.ModelBundle;
import dev.precis.model.ModelCatalog;
import dev.precis.train.ModelTraining;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A seeded synthetic experiment with a planted effect: the treatment raises the visit rate from
 * about 10% to 45% for customers of segment "B" only, and changes nothing for "A" and "C". Arms:
 * "mail" (treated), "none" (control), and "sms", a third arm that uplift skips. Column {@code
 * tilted} is drawn larger in the treated arm (a failed randomisation); {@code age} is not. Also the
 * steps and checks the uplift model tests share: train and predict, the planted segment's ranking,
 * and the same scores read back or on another thread count.
 */
final class UpliftFixture {
  static final int ROWS = 3000;

  private UpliftFixture() {}

  /**
   * Writes the experiment to {@code file}.
   *
   * @return how many rows are in the third arm
   */
  static int write(Path file, long seed) throws IOException {
    return write(file, seed, 0.45);
  }

  /**
   * Writes the experiment with {@code treated} of the rows in the treated arm, 0.45 in the control
   * arm and the rest in the third.
   *
   * @return how many rows are in the third arm
   */
  static int write(Path file, long seed, double treated) throws IOException {
    Random random = new Random(seed);
    StringBuilder csv = new StringBuilder("id,age,segment,channel,tilted,arm,visit\n");
    int others = 0;
    for (int i = 0; i < ROWS; i++) {
      double draw = random.nextDouble();
      String arm = draw < treated ? "mail" : draw < treated + 0.45 ? "none" : "sms";
      others += arm.equals("sms") ? 1 : 0;
      String segment = new String[] {"A", "B", "C"}[random.nextInt(3)];
      String channel = random.nextBoolean() ? "web" : "phone";
      int age = 20 + random.nextInt(50);
      double tilted = random.nextGaussian() + (arm.equals("mail") ? 0.5 : 0.0);
      double p = 0.08 + (channel.equals("web") ? 0.04 : 0.0);
      if (arm.equals("mail") && segment.equals("B")) {
        p += 0.35;
      }
      int visit = random.nextDouble() < p ? 1 : 0;
      csv.append(
          String.format(
              Locale.ROOT,
              "c%d,%d,%s,%s,%.4f,%s,%d%n",
              i,
              age,
              segment,
              channel,
              tilted,
              arm,
              visit));
    }
    Files.writeString(file, csv);
    return others;
  }

  /** The config of the experiment in {@code data}, before any --set. */
  static Path config(Path dir, Path data) throws IOException {
    return Files.writeString(
        dir.resolve("uplift.yaml"),
        String.join(
            "\n",
            "version: 1",
            "task: uplift",
            "data:",
            "  path: " + data,
            "  target: visit",
            "  positive: \"1\"",
            "  id: id",
            "  treatment: arm",
            "  treated: mail",
            "  control: none",
            "  drop: [tilted]",
            "prep:",
            "  split: {valid: 0.2, test: 0.0}",
            ""));
  }

  /**
   * Trains {@code name}.precis on {@code data} with {@code train --config config} and {@code
   * trainOptions}, scores {@code data} with it ({@code predict} and {@code predictOptions}) and
   * returns the scored lines, header first. Asserts that both commands succeed.
   */
  static List<String> trainAndPredict(
      Path dir,
      String name,
      Path config,
      Path data,
      List<String> trainOptions,
      String... predictOptions)
      throws IOException {
    Path bundle = dir.resolve(name + ".precis");
    CliRun trained =
        CliRun.withConfig("train", config, data, bundle, trainOptions.toArray(String[]::new));
    assertEquals(0, trained.exitCode(), trained.transcript());
    Path scored = dir.resolve(name + ".csv");
    CliRun predicted = CliRun.predict(bundle, data, scored, predictOptions);
    assertEquals(0, predicted.exitCode(), predicted.transcript());
    return Files.readAllLines(scored);
  }

  /**
   * The mean uplift the scored lines (header first, one line per row of {@code data}, in order)
   * give each side of the planted effect: [0] segments A and C, [1] segment B.
   */
  static double[] meanUpliftBySegment(List<String> scored, Path data) throws IOException {
    List<String> segments = segments(data);
    double[] sum = new double[2];
    long[] count = new long[2];
    for (int i = 1; i < scored.size(); i++) {
      int b = segments.get(i - 1).equals("B") ? 1 : 0;
      sum[b] += Double.parseDouble(scored.get(i).split(",", -1)[3]);
      count[b]++;
    }
    return new double[] {sum[0] / count[0], sum[1] / count[1]};
  }

  /**
   * Asserts that a model ranks the planted segment first: segment B's mean uplift is well above the
   * others', and B fills nine in ten of the rows {@code predict --top-percent} selects.
   */
  static void assertSegmentBRanksFirst(List<String> scored, Path data) throws IOException {
    assertEquals("id,p_treated,p_control,uplift,decile,selected", scored.get(0));
    double[] mean = meanUpliftBySegment(scored, data);
    assertTrue(mean[1] > mean[0] + 0.15, mean[1] + " vs " + mean[0]);
    List<String> segments = segments(data);
    long selected = 0;
    long selectedB = 0;
    for (int i = 1; i < scored.size(); i++) {
      if (scored.get(i).split(",", -1)[5].equals("1")) {
        selected++;
        selectedB += segments.get(i - 1).equals("B") ? 1 : 0;
      }
    }
    assertTrue(selectedB > 0.9 * selected, selectedB + " of " + selected + " selected are B");
  }

  /** Asserts that each scored line's uplift is its p_treated less its p_control. */
  static void assertUpliftIsTheArmsDifference(List<String> scored) {
    for (String line : scored.subList(1, scored.size())) {
      String[] cells = line.split(",", -1);
      double difference = Double.parseDouble(cells[1]) - Double.parseDouble(cells[2]);
      assertEquals(difference, Double.parseDouble(cells[3]), 2.5e-6, line);
    }
  }

  /** Trains in memory, as {@code train --config config --set ...} would, into {@code dir}. */
  static ModelTraining.Result train(Path dir, Path config, List<String> sets) {
    List<ConfigOverride> overrides = sets.stream().map(ConfigOverride::parseSet).toList();
    PrecisConfig resolved = new ConfigLoader(ModelCatalog::complete).load(config, overrides);
    return ModelTraining.train(resolved, dir.resolve("memory.precis"));
  }

  /** Asserts that the bundle scores the experiment's rows the same after a write and a read. */
  static void assertScoresTheSameReadBack(ModelBundle bundle) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bundle.write(bytes);
    ModelBundle back = ModelBundle.read(new ByteArrayInputStream(bytes.toByteArray()), "u.precis");
    SparseRows rows = trainingRows(bundle.config());
    assertArrayEquals(bundle.scorer().score(rows), back.scorer().score(rows));
  }

  /** Asserts that two bundles give the experiment's rows the same scores, and that these vary. */
  static void assertSameScores(ModelBundle one, ModelBundle other) {
    SparseRows rows = trainingRows(one.config());
    double[] scores = one.scorer().score(rows);
    assertArrayEquals(scores, other.scorer().score(rows));
    assertTrue(Arrays.stream(scores).distinct().count() > 10, "the scores vary");
  }

  /** The experiment's training rows, encoded as a bundle of this config encodes them. */
  private static SparseRows trainingRows(PrecisConfig config) {
    return Preparation.run(config, ModelCatalog.type(config.model().type()).needs())
        .data()
        .train()
        .x();
  }

  /** Each row's segment, in the order of {@code data}. */
  private static List<String> segments(Path data) throws IOException {
    return Files.readAllLines(data).stream().skip(1).map(l -> l.split(",")[2]).toList();
  }
}
