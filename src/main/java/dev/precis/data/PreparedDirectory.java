package dev.precis.data;

import dev.precis.PrecisException;
import dev.precis.config.Mappers;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The directory `prep` writes: train.csv, valid.csv and test.csv holding the encoded features and
 * the target as 1/0, and pipeline.json. `train --data DIR` reads it back to the same numbers.
 */
public final class PreparedDirectory {
  public static final String PIPELINE = "pipeline.json";
  private static final String[] PARTS = {"train.csv", "valid.csv", "test.csv"};

  private PreparedDirectory() {}

  /** Whether a path is a directory written by `prep`. */
  public static boolean isPrepared(Path path) {
    return Files.isDirectory(path) && Files.isRegularFile(path.resolve(PIPELINE));
  }

  /** Writes the parts (skipping empty ones) and the pipeline into {@code dir}, which must exist. */
  public static void write(Path dir, PreparedData data) throws IOException {
    Mappers.json().writeValue(dir.resolve(PIPELINE).toFile(), data.pipeline());
    EncodedData[] parts = {data.train(), data.valid(), data.test()};
    for (int p = 0; p < PARTS.length; p++) {
      if (parts[p].rows() > 0) {
        writePart(dir.resolve(PARTS[p]), parts[p], data.pipeline().target());
      }
    }
  }

  private static void writePart(Path file, EncodedData part, String target) throws IOException {
    List<String> header = new ArrayList<>(part.featureNames());
    header.add(target);
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        var printer =
            org.apache.commons.csv.CSVFormat.DEFAULT
                .builder()
                .setRecordSeparator('\n')
                .build()
                .print(out)) {
      printer.printRecord(header);
      StringBuilder line = new StringBuilder();
      for (int r = 0; r < part.rows(); r++) {
        line.setLength(0);
        for (double value : part.x()[r]) {
          line.append(value).append(',');
        }
        line.append(part.y()[r] ? '1' : '0').append('\n');
        out.append(line);
      }
    }
  }

  /** Reads a prepared directory back; the parts must have the pipeline's features. */
  public static PreparedData read(Path dir) {
    FeaturePipeline pipeline;
    try {
      pipeline = Mappers.json().readValue(dir.resolve(PIPELINE).toFile(), FeaturePipeline.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw PrecisException.data(
          dir.resolve(PIPELINE)
              + ": not a pipeline written by `precis prep`: "
              + Mappers.problem(e)
              + "; run `precis prep` again",
          e);
    } catch (IOException e) {
      throw PrecisException.data(dir.resolve(PIPELINE) + ": cannot read: " + e.getMessage(), e);
    }
    EncodedData[] parts = new EncodedData[PARTS.length];
    for (int p = 0; p < PARTS.length; p++) {
      Path file = dir.resolve(PARTS[p]);
      parts[p] =
          Files.isRegularFile(file)
              ? readPart(file, pipeline)
              : new EncodedData(pipeline.featureNames(), new double[0][], new boolean[0]);
    }
    if (parts[0].rows() == 0) {
      throw PrecisException.data(dir + ": has no train.csv; run `precis prep` again to write it");
    }
    return new PreparedData(pipeline, parts[0], parts[1], parts[2], 0).requireBothClasses(dir);
  }

  private static EncodedData readPart(Path file, FeaturePipeline pipeline) {
    var config =
        new dev.precis.config.DataConfig(
            null, ",", true, null, pipeline.target(), null, null, null, null);
    CsvTable table = CsvTable.read(file, config);
    List<String> expected = new ArrayList<>(pipeline.featureNames());
    expected.add(pipeline.target());
    if (!table.columns().equals(expected)) {
      throw PrecisException.data(
          file
              + ":1: columns differ from "
              + PIPELINE
              + "; this file was not written with that pipeline,"
              + " run `precis prep` again");
    }
    int features = expected.size() - 1;
    double[][] x = new double[table.rows().size()][features];
    boolean[] y = new boolean[table.rows().size()];
    for (int r = 0; r < x.length; r++) {
      String[] fields = table.rows().get(r);
      for (int f = 0; f < features; f++) {
        x[r][f] = Numbers.parseOrNaN(fields[f]);
        if (Double.isNaN(x[r][f])) {
          throw DataFiles.error(
              file,
              table.lines()[r],
              "'"
                  + fields[f]
                  + "' in column '"
                  + expected.get(f)
                  + "' is not a number; prepared files hold numbers only");
        }
      }
      y[r] = fields[features].equals("1");
    }
    return new EncodedData(pipeline.featureNames(), x, y);
  }
}
