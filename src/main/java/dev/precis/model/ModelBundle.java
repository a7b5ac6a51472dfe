package dev.precis.model;

import dev.precis.PrecisException;
import dev.precis.config.Mappers;
import dev.precis.config.PrecisConfig;
import dev.precis.data.FeatureColumns;
import dev.precis.data.FeatureDistributions;
import dev.precis.data.FeaturePipeline;
import dev.precis.data.FeatureTally;
import dev.precis.io.InputFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A trained model with everything needed to score raw files: the model.precis zip. manifest.json
 * says what the bundle was made from, its task, and lists every other entry with its kind and
 * sha256: config.yaml (the resolved config), pipeline.json, bins.json and the model artifacts
 * (model.tribuo, in Tribuo's protobuf format, and calibrator.json when the scores are calibrated),
 * distributions.json, each feature's training distribution for measuring drift, and
 * importance.json, each input column's importance as training measured it (bundles written before
 * either have none; an uplift bundle has no importance). Reading checks every digest, reads the
 * config over the built-in defaults so a key added later never breaks an older bundle, and loads
 * each artifact by its kind. Bundles of the first schema, which list nothing, still read.
 */
public final class ModelBundle {
  static final String MANIFEST = "manifest.json";
  static final String CONFIG = "config.yaml";
  static final String PIPELINE = "pipeline.json";
  static final String BINS = "bins.json";
  static final String DISTRIBUTIONS = "distributions.json";
  static final String IMPORTANCE = "importance.json";

  /** The entries every bundle has besides its model artifacts, with their kinds. */
  static final Map<String, String> PARTS =
      Map.of(CONFIG, "config", PIPELINE, "pipeline", BINS, "score-bins");

  /**
   * Entries that are not models but that a bundle of an older Precis may lack, with their kinds.
   */
  static final Map<String, String> LATER_PARTS =
      Map.of(DISTRIBUTIONS, "feature-distributions", IMPORTANCE, "feature-importance");

  private final Manifest manifest;
  private final PrecisConfig config;
  private final FeaturePipeline pipeline;
  private final ScoreBins bins;
  private final List<ModelArtifact> models;
  private final Map<String, byte[]> entries;
  private Explainer explainer;
  private Optional<FeatureDistributions> distributions;

  ModelBundle(
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
   * @param distributions each feature's distribution on the training rows
   * @param importance the JSON of each input column's importance as training measured it; null when
   *     training measured none
   * @param models the task's model artifacts
   */
  public static ModelBundle of(
      Manifest manifest,
      PrecisConfig config,
      FeaturePipeline pipeline,
      ScoreBins bins,
      FeatureDistributions distributions,
      byte[] importance,
      List<ModelArtifact> models) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    List<Manifest.Artifact> listed = new ArrayList<>();
    try {
      put(entries, listed, CONFIG, configText(config).getBytes(StandardCharsets.UTF_8));
      put(entries, listed, PIPELINE, Mappers.json().writeValueAsBytes(pipeline));
      put(entries, listed, BINS, Mappers.json().writeValueAsBytes(bins));
      put(entries, listed, DISTRIBUTIONS, Mappers.json().writeValueAsBytes(distributions));
      if (importance != null) {
        put(entries, listed, IMPORTANCE, importance);
      }
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
    listed.add(
        new Manifest.Artifact(
            name, PARTS.getOrDefault(name, LATER_PARTS.get(name)), InputFile.sha256(bytes)));
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

  /**
   * An empty tally over the training bins of distributions.json, to measure drift per feature;
   * empty when the bundle has none to compare with (see {@link FeatureTally#of}).
   *
   * @throws PrecisException (data) when distributions.json is not what Precis writes
   */
  public Optional<FeatureTally> featureTally() {
    return distributions().flatMap(kept -> FeatureTally.of(pipeline.featureNames(), kept));
  }

  /**
   * Each feature's training distribution, read once (drift and the explainer's baseline both use
   * it); empty for a bundle written before they were kept.
   */
  public synchronized Optional<FeatureDistributions> distributions() {
    if (distributions == null) {
      distributions = readDistributions();
    }
    return distributions;
  }

  private Optional<FeatureDistributions> readDistributions() {
    byte[] bytes = entries.get(DISTRIBUTIONS);
    if (bytes == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Mappers.json().readValue(bytes, FeatureDistributions.class));
    } catch (IOException e) {
      throw PrecisException.data(
          "the model bundle's " + DISTRIBUTIONS + " cannot be read; train the model again", e);
    }
  }

  /**
   * The JSON of each input column's importance as training measured it, as written; empty for a
   * bundle written before it was kept, and for an uplift model.
   */
  public Optional<byte[]> importance() {
    return Optional.ofNullable(entries.get(IMPORTANCE)).map(byte[]::clone);
  }

  /**
   * The explainer of the model's raw scores, made once (a booster's tables take a moment): the
   * model's exact one (a linear model's weights, a booster's TreeSHAP), or else occlusion against
   * the training baseline ({@link OcclusionExplainer}).
   *
   * @throws PrecisException (usage) for an uplift model, whose score is a difference of two
   *     predictions
   */
  public synchronized Explainer explainer() {
    if (manifest.task() instanceof UpliftTask) {
      throw PrecisException.usage(
          "--explain: an uplift model's score is a difference of two predictions, whose reasons"
              + " this build does not measure; score without --explain");
    }
    if (explainer == null) {
      ModelArtifact model = models.get(0);
      List<String> features = pipeline.featureNames();
      explainer =
          model
              .explainer(features)
              .orElseGet(
                  () -> {
                    FeatureColumns columns = FeatureColumns.of(pipeline);
                    return new OcclusionExplainer(
                        model.scorer(features),
                        columns,
                        OcclusionExplainer.baselineRow(features, columns, distributions()));
                  });
    }
    return explainer;
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
    return BundleReader.read(file);
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
    return new BundleReader(name).read(in);
  }
}
