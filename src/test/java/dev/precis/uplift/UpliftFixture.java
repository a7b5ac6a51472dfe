package dev.precis.uplift;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * A seeded synthetic experiment with a planted effect: the treatment raises the visit rate from
 * about 10% to 45% for customers of segment "B" only, and changes nothing for "A" and "C". Arms:
 * "mail" (treated), "none" (control), and "sms", a third arm that uplift skips. Column {@code
 * tilted} is drawn larger in the treated arm (a failed randomisation); {@code age} is not.
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
}
