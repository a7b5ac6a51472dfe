package dev.precis.model;

import static dev.precis.model.ModelBundle.BINS;
import static dev.precis.model.ModelBundle.CONFIG;
import static dev.precis.model.ModelBundle.MANIFEST;
import static dev.precis.model.ModelBundle.PARTS;
import static dev.precis.model.ModelBundle.PIPELINE;

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
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
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

/**
 * Reads a model.precis zip back into a {@link ModelBundle}. It checks every entry the manifest
 * lists against its digest, reads the config over the built-in defaults so a key added later never
 * breaks an older bundle, and loads each model artifact by its kind. Bundles of the first schema,
 * which list nothing, still read. Whatever is wrong is a data error (exit 3) naming the bundle and
 * saying how to fix it.
 */
final class BundleReader {
  /** What precis.bundle/1 held besides its manifest, in the order it was written. */
  private static final List<String> SCHEMA_1_ENTRIES =
      List.of(CONFIG, PIPELINE, BINS, TribuoModelArtifact.MODEL);

  private static final byte[] ZIP_SIGNATURE = {'P', 'K', 3, 4};

  /** What to call the bundle in error messages. */
  private final String name;

  BundleReader(String name) {
    this.name = name;
  }

  /** See {@link ModelBundle#read(Path)}. */
  static ModelBundle read(Path file) {
    if (Files.isDirectory(file)) {
      throw PrecisException.data(
          file + ": is a directory; give a model bundle written by `precis train`");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return new BundleReader(file.toString()).read(in);
    } catch (NoSuchFileException e) {
      throw PrecisException.data(file + ": no such model bundle; check the path given to --model");
    } catch (IOException e) {
      throw PrecisException.data(file + ": cannot read the bundle: " + e.getMessage(), e);
    }
  }

  /** See {@link ModelBundle#read(InputStream, String)}. */
  ModelBundle read(InputStream in) {
    Map<String, byte[]> entries = unzip(in);
    Manifest manifest = readManifest(entry(entries, MANIFEST));
    List<Manifest.Artifact> listed = listed(manifest, entries);
    Map<String, byte[]> ordered = new LinkedHashMap<>();
    listed.forEach(artifact -> ordered.put(artifact.name(), entries.get(artifact.name())));
    PrecisConfig config = readConfig(entry(ordered, CONFIG));
    FeaturePipeline pipeline = readJson(entry(ordered, PIPELINE), FeaturePipeline.class, PIPELINE);
    ScoreBins bins = readJson(entry(ordered, BINS), ScoreBins.class, BINS);
    List<ModelArtifact> models = new ArrayList<>();
    for (Manifest.Artifact artifact : listed) {
      if (!PARTS.containsKey(artifact.name())
          && !ModelBundle.LATER_PARTS.containsKey(artifact.name())) {
        models.add(readModel(artifact, ordered.get(artifact.name())));
      }
    }
    if (models.isEmpty()) {
      throw notABundle("it has no model");
    }
    if (manifest.schema().equals(Manifest.SCHEMA_1)) {
      manifest = manifest.upgraded(Task.of(config), listed);
    }
    return new ModelBundle(manifest, config, pipeline, bins, models, ordered);
  }

  /** The zip's entries by name; a data error naming what is wrong when it is not a whole zip. */
  private Map<String, byte[]> unzip(InputStream raw) {
    Map<String, byte[]> entries = new HashMap<>();
    String current = null;
    try (InputStream in = new BufferedInputStream(raw)) {
      in.mark(ZIP_SIGNATURE.length);
      if (!Arrays.equals(in.readNBytes(ZIP_SIGNATURE.length), ZIP_SIGNATURE)) {
        throw notABundle("it is not a zip archive");
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

  private byte[] entry(Map<String, byte[]> entries, String entry) {
    byte[] bytes = entries.get(entry);
    if (bytes == null) {
      throw notABundle("it has no " + entry);
    }
    return bytes;
  }

  /** The entries the manifest lists, checked against their digests where it has them. */
  private List<Manifest.Artifact> listed(Manifest manifest, Map<String, byte[]> entries) {
    return switch (manifest.schema() == null ? "" : manifest.schema()) {
      case Manifest.SCHEMA -> checked(manifest, entries);
      case Manifest.SCHEMA_1 -> schema1Entries(entries);
      default ->
          throw notABundle(
              "its schema is '"
                  + manifest.schema()
                  + "', this Precis reads "
                  + Manifest.SCHEMA
                  + " and "
                  + Manifest.SCHEMA_1);
    };
  }

  /** The listed artifacts, each present with the bytes its digest was taken of. */
  private List<Manifest.Artifact> checked(Manifest manifest, Map<String, byte[]> entries) {
    List<Manifest.Artifact> listed =
        manifest.artifacts() == null ? List.of() : manifest.artifacts();
    for (String part : PARTS.keySet()) {
      if (listed.stream().noneMatch(artifact -> part.equals(artifact.name()))) {
        throw notABundle("its " + MANIFEST + " does not list " + part);
      }
    }
    if (manifest.task() == null) {
      throw notABundle("its " + MANIFEST + " names no task");
    }
    for (Manifest.Artifact artifact : listed) {
      byte[] bytes = entry(entries, artifact.name());
      if (!InputFile.sha256(bytes).equals(artifact.sha256())) {
        throw corrupt(artifact.name(), "it does not match its digest in " + MANIFEST, null);
      }
    }
    return listed;
  }

  /** The fixed entries of a precis.bundle/1, which recorded no digests to check. */
  private List<Manifest.Artifact> schema1Entries(Map<String, byte[]> entries) {
    List<Manifest.Artifact> listed = new ArrayList<>();
    for (String entry : SCHEMA_1_ENTRIES) {
      String kind = PARTS.getOrDefault(entry, TribuoModelArtifact.KIND);
      listed.add(new Manifest.Artifact(entry, kind, InputFile.sha256(entry(entries, entry))));
    }
    return listed;
  }

  private Manifest readManifest(byte[] bytes) {
    try {
      return Mappers.json().readValue(bytes, Manifest.class);
    } catch (InvalidTypeIdException e) {
      throw notABundle(
          "its task '"
              + e.getTypeId()
              + "' is not one this Precis ("
              + Version.precis()
              + ") knows; use the Precis that trained it");
    } catch (IOException e) {
      throw notABundle("its " + MANIFEST + " cannot be read");
    }
  }

  /** Reads config.yaml as a config file is read: over the defaults, then completed and checked. */
  private PrecisConfig readConfig(byte[] bytes) {
    try {
      return new ConfigLoader(ModelCatalog::complete)
          .loadText(new String(bytes, StandardCharsets.UTF_8), name + ": its " + CONFIG);
    } catch (PrecisException e) {
      throw PrecisException.data(e.getMessage(), e);
    }
  }

  private <T> T readJson(byte[] bytes, Class<T> type, String entry) {
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
      throw corrupt(entry, "it cannot be read", e);
    }
  }

  private ModelArtifact readModel(Manifest.Artifact artifact, byte[] bytes) {
    ArtifactKinds.Loader loader =
        ArtifactKinds.loader(artifact.kind())
            .orElseThrow(
                () ->
                    notABundle(
                        "its "
                            + artifact.name()
                            + " is a '"
                            + artifact.kind()
                            + "', which this Precis ("
                            + Version.precis()
                            + ") cannot load; use the Precis that trained it"));
    try {
      ModelArtifact model = loader.load(artifact.name(), bytes);
      // a kind with a fixed name keeps the one it was saved under (treated.model.xgb, say)
      return model.name().equals(artifact.name())
          ? model
          : new RenamedArtifact(artifact.name(), model);
    } catch (IOException e) {
      throw corrupt(artifact.name(), e.getMessage(), e);
    }
  }

  private PrecisException corrupt(String entry, String why, Throwable cause) {
    return PrecisException.data(
        name + ": its " + entry + " is corrupt (" + why + "); retrain, or copy the bundle again",
        cause);
  }

  private PrecisException notABundle(String why) {
    return PrecisException.data(
        name + ": not a Precis model bundle (" + why + "); give a file written by `precis train`");
  }
}
