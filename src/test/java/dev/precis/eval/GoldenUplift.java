package dev.precis.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of golden-uplift/scores.csv (see its SOURCE.md): the peer's scores of the Hillstrom
 * test rows, the arm and both outcomes.
 */
public final class GoldenUplift {
  private final Map<String, double[]> columns = new HashMap<>();
  private final int rows;

  private GoldenUplift() {
    List<String[]> lines = new ArrayList<>();
    String[] header;
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(resource("scores.csv"), StandardCharsets.UTF_8))) {
      header = reader.readLine().split(",");
      for (String line; (line = reader.readLine()) != null; ) {
        lines.add(line.split(","));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    rows = lines.size();
    for (int c = 0; c < header.length; c++) {
      double[] values = new double[rows];
      for (int r = 0; r < rows; r++) {
        values[r] = Double.parseDouble(lines.get(r)[c]);
      }
      columns.put(header[c], values);
    }
  }

  private static GoldenUplift read;

  public static synchronized GoldenUplift read() {
    if (read == null) {
      read = new GoldenUplift();
    }
    return read;
  }

  static InputStream resource(String name) {
    return GoldenUplift.class.getResourceAsStream("/golden-uplift/" + name);
  }

  int rows() {
    return rows;
  }

  /** The metrics of a score column (random, t-lr_visit, ...) on an outcome (visit, conversion). */
  public UpliftScores scored(String column, String outcome) {
    return UpliftScores.of(columns.get(column), flags("treated"), flags(outcome));
  }

  private boolean[] flags(String column) {
    double[] values = columns.get(column);
    boolean[] ones = new boolean[values.length];
    for (int r = 0; r < values.length; r++) {
      ones[r] = values[r] == 1;
    }
    return ones;
  }
}
