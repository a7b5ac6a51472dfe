package dev.precis.model;

import dev.precis.PrecisException;
import dev.precis.config.Mappers;
import dev.precis.config.PrecisConfig;
import dev.precis.data.FeaturePipeline;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * A trained model with everything needed to score raw files: the model.precis zip holding
 * manifest.json, config.yaml (resolved), pipeline.json, bins.json and model.tribuo (Tribuo's
 * protobuf format; models are never Java-deserialized, since a crafted file could run code).
 */
public record ModelBundle(
    Manifest manifest,
    PrecisConfig config,
    FeaturePipeline pipeline,
    ScoreBins bins,
    Model<Label> model) {
  private static final String MANIFEST = "manifest.json";
  private static final String CONFIG = "config.yaml";
  private static final String PIPELINE = "pipeline.json";
  private static final String BINS = "bins.json";
  private static final String MODEL = "model.tribuo";

  /** The text of config.yaml, also what the manifest's config digest is taken of. */
  public static String configText(PrecisConfig config) {
    try {
      return Mappers.yaml().writeValueAsString(config);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public Scorer scorer() {
    return Scorers.forModel(model, pipeline.featureNames());
  }

  /** Writes the bundle as a zip to {@code out}. */
  public void write(OutputStream out) throws IOException {
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      entry(zip, MANIFEST, Mappers.json().writeValueAsBytes(manifest));
      entry(zip, CONFIG, configText(config).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      entry(zip, PIPELINE, Mappers.json().writeValueAsBytes(pipeline));
      entry(zip, BINS, Mappers.json().writeValueAsBytes(bins));
      zip.putNextEntry(fixedTime(MODEL));
      model.serializeToStream(zip);
      zip.closeEntry();
    }
  }

  private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
    zip.putNextEntry(fixedTime(name));
    zip.write(bytes);
    zip.closeEntry();
  }

  private static ZipEntry fixedTime(String name) {
    ZipEntry entry = new ZipEntry(name);
    entry.setTime(0);
    return entry;
  }

  /** Reads a bundle; a data error (exit 3) if the file is missing or not a Precis bundle. */
  public static ModelBundle read(Path file) {
    Map<String, byte[]> entries = new HashMap<>();
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        entries.put(entry.getName(), zip.readAllBytes());
      }
    } catch (NoSuchFileException e) {
      throw PrecisException.data(file + ": no such model bundle; check the path given to --model");
    } catch (IOException e) {
      throw notABundle(file, e.getMessage());
    }
    for (String name : new String[] {MANIFEST, CONFIG, PIPELINE, BINS, MODEL}) {
      if (!entries.containsKey(name)) {
        throw notABundle(file, "it has no " + name);
      }
    }
    try {
      Manifest manifest = Mappers.json().readValue(entries.get(MANIFEST), Manifest.class);
      if (!Manifest.SCHEMA.equals(manifest.schema())) {
        throw notABundle(
            file,
            "its schema is '" + manifest.schema() + "', this Precis reads " + Manifest.SCHEMA);
      }
      PrecisConfig config = Mappers.yaml().readValue(entries.get(CONFIG), PrecisConfig.class);
      FeaturePipeline pipeline =
          Mappers.json().readValue(entries.get(PIPELINE), FeaturePipeline.class);
      ScoreBins bins = Mappers.json().readValue(entries.get(BINS), ScoreBins.class);
      return new ModelBundle(manifest, config, pipeline, bins, readModel(entries.get(MODEL)));
    } catch (IOException e) {
      throw notABundle(file, e.getMessage());
    }
  }

  @SuppressWarnings("unchecked")
  private static Model<Label> readModel(byte[] bytes) throws IOException {
    try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
      Model<?> model = Model.deserializeFromStream(in);
      if (!model.validate(Label.class)) {
        throw new IOException("model.tribuo is not a classification model");
      }
      return (Model<Label>) model;
    }
  }

  private static PrecisException notABundle(Path file, String why) {
    return PrecisException.data(
        file + ": not a Precis model bundle (" + why + "); give a file written by `precis train`");
  }
}
