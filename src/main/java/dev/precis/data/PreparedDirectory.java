package dev.precis.data;

import dev.precis.PrecisException;
import dev.precis.Version;
import dev.precis.config.DataConfig;
import dev.precis.config.Mappers;
import dev.precis.io.InputFile;
import dev.precis.io.Sha256;
import dev.precis.io.StandardStreams;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The directory `prep` writes: train.csv, valid.csv and test.csv holding the encoded features and
 * the target as 1/0, in a {@link PartLayout} (a column per feature, or the nonzero ones as
 * index:value pairs), pipeline.json, and prepared.json (see {@link PreparedManifest}), which lists
 * the parts with their digests and layout. `train --data DIR` and `tune` read it back to the same
 * numbers, after checking that nothing in it changed since.
 */
public final class PreparedDirectory {
  public static final String PIPELINE = "pipeline.json";
  public static final String MANIFEST = PreparedManifest.FILE;
  private static final String[] PARTS = {"train.csv", "valid.csv", "test.csv"};

  /**
   * Every file of a prepared directory: what `prep` may write there and `train` reads, in the order
   * they are put in place; the manifest, which vouches for the others, last.
   */
  public static final List<String> FILES =
      List.of(PIPELINE, PARTS[0], PARTS[1], PARTS[2], MANIFEST);

  private PreparedDirectory() {}

  /**
   * Whether {@code --data} is to be read as a directory written by `prep`: any directory is (never
   * standard input, {@code -}), and {@link #read} says what is wrong with one that is not.
   */
  public static boolean isPrepared(Path path) {
    return !StandardStreams.isDash(path) && Files.isDirectory(path);
  }

  /**
   * How every part is read as CSV, whatever the configured data.* says of raw files: prep writes
   * them with commas and a header.
   */
  static final DataConfig PART_DIALECT =
      new DataConfig(null, ",", true, null, null, null, null, null, null, null, null, null);

  /**
   * Writes the parts (skipping empty ones), the pipeline and, last, the manifest that lists them
   * into {@code dir}, which must exist.
   *
   * @param needs what the pipeline was fitted to give, recorded so that a family needing another
   *     form of features is refused at train time
   * @param layout how the parts hold their rows
   */
  public static void write(Path dir, PreparedData data, PipelineNeeds needs, PartLayout layout)
      throws IOException {
    Files.write(dir.resolve(PIPELINE), PreparedManifest.pipelineJson(data.pipeline()));
    EncodedData[] parts = {data.train(), data.valid(), data.test()};
    Map<String, PreparedManifest.Part> written = new LinkedHashMap<>();
    for (int p = 0; p < PARTS.length; p++) {
      if (parts[p].rows() > 0) {
        written.put(
            PARTS[p], writePart(dir.resolve(PARTS[p]), parts[p], data.pipeline().target(), layout));
      }
    }
    Mappers.json()
        .writeValue(
            dir.resolve(MANIFEST).toFile(),
            new PreparedManifest(
                PreparedManifest.SCHEMA,
                Version.precis(),
                PreparedManifest.digest(data.pipeline()),
                written,
                needs));
  }

  private static PreparedManifest.Part writePart(
      Path file, EncodedData part, String target, PartLayout layout) throws IOException {
    List<String> header =
        layout == PartLayout.DENSE
            ? new ArrayList<>(part.featureNames())
            : new ArrayList<>(List.of(PartLayout.SPARSE_COLUMN));
    header.add(target);
    MessageDigest digest = Sha256.newDigest();
    try (Writer out =
            new BufferedWriter(
                new OutputStreamWriter(
                    new DigestOutputStream(Files.newOutputStream(file), digest),
                    StandardCharsets.UTF_8));
        var printer =
            org.apache.commons.csv.CSVFormat.DEFAULT
                .builder()
                .setRecordSeparator('\n')
                .build()
                .print(out)) {
      printer.printRecord(header);
      StringBuilder line = new StringBuilder();
      double[] row = new double[part.featureNames().size()];
      SparseRows x = part.x();
      for (int r = 0; r < part.rows(); r++) {
        line.setLength(0);
        if (layout == PartLayout.DENSE) {
          x.dense(r, row);
          for (double value : row) {
            line.append(value).append(',');
          }
        } else {
          for (int k = x.start(r); k < x.end(r); k++) {
            line.append(k == x.start(r) ? "" : " ");
            line.append(x.feature(k)).append(':').append(x.value(k));
          }
          line.append(',');
        }
        line.append(part.y()[r] ? '1' : '0').append('\n');
        out.append(line);
      }
    }
    return new PreparedManifest.Part(Sha256.hex(digest), part.rows(), layout);
  }

  /**
   * Reads a prepared directory back for a family with these needs.
   *
   * @throws PrecisException (data) when it has no prepared.json, or when the pipeline or a part is
   *     not what prep wrote; (usage) when its features are not the form the family needs
   */
  public static PreparedData read(Path dir, PipelineNeeds needs) {
    if (!Files.isRegularFile(dir.resolve(MANIFEST))) {
      throw PrecisException.data(
          dir
              + ": has no "
              + MANIFEST
              + "; give a CSV file or a directory written by `precis prep` (run prep again if an"
              + " older Precis wrote this one)");
    }
    PreparedManifest manifest = PreparedManifest.read(dir);
    if (!manifest.needs().serve(needs)) {
      throw PrecisException.usage(
          dir
              + ": prep encoded it with "
              + manifest.needs().describe()
              + ", and the model type to fit needs "
              + needs.describe()
              + "; run `precis prep` again with that --model, or train on the raw CSV file");
    }
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
    if (!PreparedManifest.digests(pipeline).contains(manifest.pipelineSha256())) {
      throw PrecisException.data(
          dir.resolve(PIPELINE) + ": changed since prep wrote it; run `precis prep` again");
    }
    EncodedData[] parts = new EncodedData[PARTS.length];
    for (int p = 0; p < PARTS.length; p++) {
      PreparedManifest.Part part = manifest.parts().get(PARTS[p]);
      parts[p] =
          part != null
              ? readPart(dir.resolve(PARTS[p]), part, pipeline)
              : EncodedData.empty(pipeline);
    }
    if (parts[0].rows() == 0) {
      throw PrecisException.data(dir + ": has no train.csv; run `precis prep` again to write it");
    }
    return new PreparedData(pipeline, parts[0], parts[1], parts[2], 0).requireBothClasses(dir);
  }

  private static EncodedData readPart(
      Path file, PreparedManifest.Part part, FeaturePipeline pipeline) {
    if (!Files.isRegularFile(file)) {
      throw PrecisException.data(
          file + ": is listed in " + MANIFEST + " but missing; run `precis prep` again");
    }
    PreparedManifest.checkUnchanged(file, part, InputFile.sha256(file));
    try (CsvHead head = CsvHead.open(file, PART_DIALECT)) {
      // the layout is the one the header shows, which the digest just vouched for
      PreparedRowEncoder encoder = new PreparedRowEncoder(pipeline, file, head.columns());
      int target = head.columns().size() - 1;
      SparseRows x = new SparseRows(encoder.featureCount());
      BitSet positives = new BitSet();
      head.forEachRow(
          (fields, line) -> {
            String label = LabelReader.PREPARED.value(fields[target]);
            if (label == null) {
              throw DataFiles.error(
                  file, line, "has no label; prepared files hold 1 or 0 in the last column");
            }
            try {
              encoder.encode(fields, x);
            } catch (RowEncoder.BadValue e) {
              throw DataFiles.error(file, line, e.getMessage() + ", which prep does not write");
            }
            positives.set(x.rows() - 1, LabelReader.PREPARED.isPositive(label));
          });
      boolean[] y = new boolean[x.rows()];
      positives.stream().forEach(r -> y[r] = true);
      return new EncodedData(pipeline.featureNames(), x.trimmed(), y, pipeline.sequences());
    }
  }
}
