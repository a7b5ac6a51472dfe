package dev.precis.data;

import dev.precis.PrecisException;
import dev.precis.config.Mappers;
import dev.precis.io.InputFile;
import dev.precis.io.StandardStreams;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * prepared.json, the marker `prep` writes beside its parts: each part's SHA-256 and row count, and
 * the digest of the pipeline the parts were encoded with. A file is read as already encoded only
 * when the prepared.json beside it lists it, so a raw file is never mistaken for a part because of
 * its columns, and a part is never read by a model whose pipeline did not write it.
 *
 * @param schema {@link #SCHEMA}, or {@link #SCHEMA_1}, whose parts are all dense
 * @param precisVersion the Precis that wrote it
 * @param pipelineSha256 {@link #digest} of the pipeline the parts were encoded with
 * @param parts each part written, by file name
 * @param needs what the pipeline was fitted to give (the needs of prep's model.type); a manifest
 *     written before it was recorded reads as {@link PipelineNeeds#SCALED}, all Precis gave then
 */
public record PreparedManifest(
    String schema,
    String precisVersion,
    String pipelineSha256,
    Map<String, Part> parts,
    PipelineNeeds needs) {
  public static final String FILE = "prepared.json";

  /** Parts of either {@link PartLayout}, each saying which. */
  public static final String SCHEMA = "precis.prepared/2";

  /** What Precis wrote before sparse parts: every part dense, no layout recorded. */
  static final String SCHEMA_1 = "precis.prepared/1";

  /**
   * @param sha256 of the part's bytes as written
   * @param rows data rows in it
   * @param layout how the part holds its rows; dense when a manifest of {@link #SCHEMA_1} is read
   */
  public record Part(String sha256, long rows, PartLayout layout) {
    public Part {
      layout = layout == null ? PartLayout.DENSE : layout;
    }
  }

  public PreparedManifest {
    parts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parts));
    needs = needs == null ? PipelineNeeds.SCALED : needs;
  }

  /** The JSON of a pipeline, byte for byte what pipeline.json holds and {@link #digest} hashes. */
  static byte[] pipelineJson(FeaturePipeline pipeline) {
    try {
      return Mappers.json().writeValueAsBytes(pipeline);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The SHA-256 of a pipeline's JSON: equal digests encode every row alike. */
  public static String digest(FeaturePipeline pipeline) {
    return InputFile.sha256(pipelineJson(pipeline));
  }

  /**
   * The digests that identify a pipeline in a prepared.json: {@link #digest}, and the digest of its
   * format 1 JSON when it has one, which a prepared.json written by Precis 0.1 holds.
   */
  static Set<String> digests(FeaturePipeline pipeline) {
    Set<String> digests = new HashSet<>();
    digests.add(digest(pipeline));
    PipelineFormat1.of(pipeline)
        .ifPresent(
            old -> {
              try {
                digests.add(InputFile.sha256(Mappers.json().writeValueAsBytes(old)));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    return digests;
  }

  /**
   * The part a file is, when the prepared.json beside it lists it by name. Standard input is never
   * a part, and a prepared.json that is not one `prep` wrote makes nothing beside it a part: such a
   * file is read as raw, and if it really is a part, the pipeline's missing columns say so.
   *
   * @throws PrecisException (data) when the file is listed but was encoded with another pipeline
   *     than {@code pipeline}, which would read its columns wrongly
   */
  public static Optional<Part> partFor(Path file, FeaturePipeline pipeline) {
    if (StandardStreams.isDash(file)) {
      return Optional.empty();
    }
    Path dir = file.toAbsolutePath().getParent();
    if (dir == null || !Files.isRegularFile(dir.resolve(FILE))) {
      return Optional.empty();
    }
    PreparedManifest manifest;
    try {
      manifest = read(dir);
    } catch (PrecisException e) {
      return Optional.empty();
    }
    Part part = manifest.parts().get(file.getFileName().toString());
    if (part != null && !digests(pipeline).contains(manifest.pipelineSha256())) {
      throw PrecisException.data(
          file
              + ": was prepared with another pipeline than this model's; score the raw file, or"
              + " train on this prep directory");
    }
    return Optional.ofNullable(part);
  }

  /** Reads dir/prepared.json; a data error when it is absent or not one `prep` wrote. */
  static PreparedManifest read(Path dir) {
    Path file = dir.resolve(FILE);
    PreparedManifest manifest;
    try {
      manifest = Mappers.json().readValue(file.toFile(), PreparedManifest.class);
    } catch (IOException e) {
      throw PrecisException.data(
          file + ": not a manifest written by `precis prep`; run `precis prep` again", e);
    }
    if (!SCHEMA.equals(manifest.schema()) && !SCHEMA_1.equals(manifest.schema())) {
      throw PrecisException.data(
          file
              + ": its schema is '"
              + manifest.schema()
              + "', this Precis reads "
              + SCHEMA
              + " and "
              + SCHEMA_1
              + "; run `precis prep` again");
    }
    return manifest;
  }

  /** A data error unless a part's bytes, hashed as they were read, are those prep wrote. */
  public static void checkUnchanged(Path file, Part part, String sha256) {
    if (!part.sha256().equals(sha256)) {
      throw PrecisException.data(
          file
              + ": changed since prep wrote it (its SHA-256 differs from "
              + FILE
              + "); run `precis prep` again");
    }
  }
}
