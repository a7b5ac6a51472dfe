package dev.precis.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import dev.precis.PrecisException;
import dev.precis.Version;
import dev.precis.config.ConfigLoader;
import dev.precis.config.Mappers;
import dev.precis.config.PrecisConfig;
import dev.precis.data.FeaturePipeline;
import dev.precis.io.InputFile;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A trained model with everything needed to score raw files: the model.precis zip. manifest.json
 * says what the bundle was made from, its task, and lists every other entry with its kind and
 * sha256: config.yaml (the resolved config), pipeline.json, bins.json and the model artifacts
 * (today one, model.tribuo, in Tribuo's protobuf format). Reading checks every digest, reads the
 * config over the built-in defaults so a key added later never breaks an older bundle, and loads
 * each artifact by its kind. Bundles of the first schema, which list nothing, still read.
 */
public final class ModelBundle {
  private static final String MANIFEST = "manifest.json";
  private static final String CONFIG = "config.yaml";
  private static final String PIPELINE = "pipeline.json";
  private static final String BINS = "bins.json";

  /** The entries every bundle has besides its model artifacts, with their kinds. */
  private static final Map<String, String> PARTS =
      Map.of(CONFIG, "config", PIPELINE, "pipeline", BINS, "score-bins");

  /** What precis.bundle/1 held besides its manifest, in the order it was written. */
  private static final List<String> SCHEMA_1_ENTRIES =
      List.of(CONFIG, PIPELINE, BINS, TribuoModelArtifact.MODEL);

  private static final byte[] ZIP_SIGNATURE = {'P', 'K', 3, 4};

  private final Manifest manifest;
  private final PrecisConfig config;
  private final FeaturePipeline pipeline;
  private final ScoreBins bins;
  private final List<ModelArtifact> models;
  private final Map<String, byte[]> entries;

  private ModelBundle(
      Manifest manifest,
      PrecisConfig config,
      FeaturePipeline pipeline,
      ScoreBins bins,
      List<ModelArtifact> models,
      Map<String, byte[]> entries) {
    this.manifest = manifest;
    this.config = config;
    this.pipeline = pipeline;
    this.bins = bins;
    this.models = List.copyOf(models);
    this.entries = entries;
  }

  /**
   * A bundle of freshly trained parts. Each part is turned into its bytes once, here: the
   * manifest's artifact list is made from them, and {@link #write} writes them as they are.
   *
   * @param manifest all but its artifact list
   * @param models the task's model artifacts
   */
  public static ModelBundle of(
      Manifest manifest,
      PrecisConfig config,
      FeaturePipeline pipeline,
      ScoreBins bins,
      List<ModelArtifact> models) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    List<Manifest.Artifact> listed = new ArrayList<>();
    try {
      put(entries, listed, CONFIG, configText(config).getBytes(StandardCharsets.UTF_8));
      put(entries, listed, PIPELINE, Mappers.json().writeValueAsBytes(pipeline));
      put(entries, listed, BINS, Mappers.json().writeValueAsBytes(bins));
      for (ModelArtifact model : models) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.save(bytes);
        entries.put(model.name(), bytes.toByteArray());
        listed.add(
            new Manifest.Artifact(
                model.name(), model.kind(), InputFile.sha256(bytes.toByteArray())));
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialise the bundle", e);
    }
    return new ModelBundle(manifest.withArtifacts(listed), config, pipeline, bins, models, entries);
  }

  private static void put(
      Map<String, byte[]> entries, List<Manifest.Artifact> listed, String name, byte[] bytes) {
    entries.put(name, bytes);
    listed.add(new Manifest.Artifact(name, PARTS.get(name), InputFile.sha256(bytes)));
  }

  /** The text of config.yaml, also what the manifest's config digest is taken of. */
  public static String configText(PrecisConfig config) {
    try {
      return Mappers.yaml().writeValueAsString(config);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public Manifest manifest() {
    return manifest;
  }

  public PrecisConfig config() {
    return config;
  }

  public FeaturePipeline pipeline() {
    return pipeline;
  }

  public ScoreBins bins() {
    return bins;
  }

  /** The model artifacts, in manifest order. */
  public List<ModelArtifact> models() {
    return models;
  }

  /** Scores rows encoded with {@link #pipeline()}, as the bundle's task combines its models. */
  public Scorer scorer() {
    return manifest.task().scorer(models, pipeline.featureNames());
  }

  /**
   * Writes the bundle as a zip to {@code out}: the manifest, then the entries it lists. Entry times
   * are fixed, so the same parts give the same bytes.
   */
  public void write(OutputStream out) throws IOException {
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      entry(zip, MANIFEST, Mappers.json().writeValueAsBytes(manifest));
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        entry(zip, entry.getKey(), entry.getValue());
      }
    }
  }

  private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
    ZipEntry entry = new ZipEntry(name);
    entry.setTime(0);
    zip.putNextEntry(entry);
    zip.write(bytes);
    zip.closeEntry();
  }

  /**
   * Reads a bundle; a data error (exit 3) that names the file and what is wrong with it if it is
   * missing, not a bundle, truncated, or has a damaged entry.
   */
  public static ModelBundle read(Path file) {
    if (Files.isDirectory(file)) {
      throw PrecisException.data(
          file + ": is a directory; give a model bundle written by `precis train`");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    } catch (NoSuchFileException e) {
      throw PrecisException.data(file + ": no such model bundle; check the path given to --model");
    } catch (IOException e) {
      throw PrecisException.data(file + ": cannot read the bundle: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a bundle from its bytes (one shipped to a Spark executor, say).
   *
   * @param in read to its end, then closed
   * @param name what to call the bundle in error messages
   * @throws PrecisException (data) when it is not a Precis bundle, an entry does not match its
   *     manifest, or an entry cannot be read
   */
  public static ModelBundle read(InputStream in, String name) {
    Map<String, byte[]> entries = unzip(in, name);
    Manifest manifest = readManifest(entry(entries, MANIFEST, name), name);
    List<Manifest.Artifact> listed = listed(manifest, entries, name);
    Map<String, byte[]> ordered = new LinkedHashMap<>();
    listed.forEach(artifact -> ordered.put(artifact.name(), entries.get(artifact.name())));
    PrecisConfig config = readConfig(entry(ordered, CONFIG, name), name);
    FeaturePipeline pipeline =
        readJson(entry(ordered, PIPELINE, name), FeaturePipeline.class, PIPELINE, name);
    ScoreBins bins = readJson(entry(ordered, BINS, name), ScoreBins.class, BINS, name);
    List<ModelArtifact> models = new ArrayList<>();
    for (Manifest.Artifact artifact : listed) {
      if (!PARTS.containsKey(artifact.name())) {
        models.add(readModel(artifact, ordered.get(artifact.name()), name));
      }
    }
    if (models.isEmpty()) {
      throw notABundle(name, "it has no model");
    }
    if (manifest.schema().equals(Manifest.SCHEMA_1)) {
      manifest = manifest.upgraded(Task.of(config), listed);
    }
    return new ModelBundle(manifest, config, pipeline, bins, models, ordered);
  }

  /** The zip's entries by name; a data error naming what is wrong when it is not a whole zip. */
  private static Map<String, byte[]> unzip(InputStream raw, String name) {
    Map<String, byte[]> entries = new HashMap<>();
    String current = null;
    try (InputStream in = new BufferedInputStream(raw)) {
      in.mark(ZIP_SIGNATURE.length);
      if (!Arrays.equals(in.readNBytes(ZIP_SIGNATURE.length), ZIP_SIGNATURE)) {
        throw notABundle(name, "it is not a zip archive");
      }
      in.reset();
      ZipInputStream zip = new ZipInputStream(in);
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        current = entry.getName();
        entries.put(current, zip.readAllBytes());
      }
    } catch (EOFException e) {
      throw PrecisException.data(
          name
              + ": the bundle is truncated"
              + (current == null ? "" : " (it ends inside " + current + ")")
              + "; copy it again, or retrain",
          e);
    } catch (IOException e) {
      throw PrecisException.data(
          name
              + ": the bundle is damaged"
              + (current == null ? "" : " (in " + current + ")")
              + "; copy it again, or retrain",
          e);
    }
    return entries;
  }

  private static byte[] entry(Map<String, byte[]> entries, String entry, String name) {
    byte[] bytes = entries.get(entry);
    if (bytes == null) {
      throw notABundle(name, "it has no " + entry);
    }
    return bytes;
  }

  /** The entries the manifest lists, checked against their digests where it has them. */
  private static List<Manifest.Artifact> listed(
      Manifest manifest, Map<String, byte[]> entries, String name) {
    return switch (manifest.schema() == null ? "" : manifest.schema()) {
      case Manifest.SCHEMA -> checked(manifest, entries, name);
      case Manifest.SCHEMA_1 -> schema1Entries(entries, name);
      default ->
          throw notABundle(
              name,
              "its schema is '"
                  + manifest.schema()
                  + "', this Precis reads "
                  + Manifest.SCHEMA
                  + " and "
                  + Manifest.SCHEMA_1);
    };
  }

  /** The listed artifacts, each present with the bytes its digest was taken of. */
  private static List<Manifest.Artifact> checked(
      Manifest manifest, Map<String, byte[]> entries, String name) {
    List<Manifest.Artifact> listed =
        manifest.artifacts() == null ? List.of() : manifest.artifacts();
    for (String part : PARTS.keySet()) {
      if (listed.stream().noneMatch(artifact -> part.equals(artifact.name()))) {
        throw notABundle(name, "its " + MANIFEST + " does not list " + part);
      }
    }
    if (manifest.task() == null) {
      throw notABundle(name, "its " + MANIFEST + " names no task");
    }
    for (Manifest.Artifact artifact : listed) {
      byte[] bytes = entry(entries, artifact.name(), name);
      if (!InputFile.sha256(bytes).equals(artifact.sha256())) {
        throw corrupt(name, artifact.name(), "it does not match its digest in " + MANIFEST, null);
      }
    }
    return listed;
  }

  /** The fixed entries of a precis.bundle/1, which recorded no digests to check. */
  private static List<Manifest.Artifact> schema1Entries(Map<String, byte[]> entries, String name) {
    List<Manifest.Artifact> listed = new ArrayList<>();
    for (String entry : SCHEMA_1_ENTRIES) {
      String kind = PARTS.getOrDefault(entry, TribuoModelArtifact.KIND);
      listed.add(new Manifest.Artifact(entry, kind, InputFile.sha256(entry(entries, entry, name))));
    }
    return listed;
  }

  private static Manifest readManifest(byte[] bytes, String name) {
    try {
      return Mappers.json().readValue(bytes, Manifest.class);
    } catch (InvalidTypeIdException e) {
      throw notABundle(
          name,
          "its task '"
              + e.getTypeId()
              + "' is not one this Precis ("
              + Version.precis()
              + ") knows; use the Precis that trained it");
    } catch (IOException e) {
      throw notABundle(name, "its " + MANIFEST + " cannot be read");
    }
  }

  /** Reads config.yaml as a config file is read: over the defaults, then completed and checked. */
  private static PrecisConfig readConfig(byte[] bytes, String name) {
    try {
      return new ConfigLoader(ModelCatalog::complete)
          .loadText(new String(bytes, StandardCharsets.UTF_8), name + ": its " + CONFIG);
    } catch (PrecisException e) {
      throw PrecisException.data(e.getMessage(), e);
    }
  }

  private static <T> T readJson(byte[] bytes, Class<T> type, String entry, String name) {
    try {
      return Mappers.json().readValue(bytes, type);
    } catch (JsonProcessingException e) {
      throw PrecisException.data(
          name
              + ": its "
              + entry
              + " is not valid: "
              + Mappers.problem(e)
              + "; retrain, or copy the bundle again",
          e);
    } catch (IOException e) {
      throw corrupt(name, entry, "it cannot be read", e);
    }
  }

  private static ModelArtifact readModel(Manifest.Artifact artifact, byte[] bytes, String name) {
    ArtifactKinds.Loader loader =
        ArtifactKinds.loader(artifact.kind())
            .orElseThrow(
                () ->
                    notABundle(
                        name,
                        "its "
                            + artifact.name()
                            + " is a '"
                            + artifact.kind()
                            + "', which this Precis ("
                            + Version.precis()
                            + ") cannot load; use the Precis that trained it"));
    try {
      return loader.load(artifact.name(), bytes);
    } catch (IOException e) {
      throw corrupt(name, artifact.name(), e.getMessage(), e);
    }
  }

  private static PrecisException corrupt(String name, String entry, String why, Throwable cause) {
    return PrecisException.data(
        name + ": its " + entry + " is corrupt (" + why + "); retrain, or copy the bundle again",
        cause);
  }

  private static PrecisException notABundle(String name, String why) {
    return PrecisException.data(
        name + ": not a Precis model bundle (" + why + "); give a file written by `precis train`");
  }
}
