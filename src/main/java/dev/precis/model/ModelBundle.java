package dev.precis.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.precis.PrecisException;
import dev.precis.config.Mappers;
import dev.precis.config.PrecisConfig;
import dev.precis.data.FeaturePipeline;
import dev.precis.io.Sha256;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * A trained model with everything needed to score raw files: the model.precis zip holding
 * manifest.json, config.yaml (resolved), pipeline.json, bins.json and model.tribuo (Tribuo's
 * protobuf format; models are never Java-deserialized, since a crafted file could run code), and
 * sha256.json, the digest of each of those, so that a damaged member is named before it is parsed.
 * Bundles without sha256.json (Precis 0.1.0) are read unchecked.
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
  private static final String CHECKSUMS = "sha256.json";
  private static final String[] MEMBERS = {MANIFEST, CONFIG, PIPELINE, BINS, MODEL};
  private static final byte[] ZIP_SIGNATURE = {'P', 'K', 3, 4};

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
    Map<String, byte[]> members = new LinkedHashMap<>();
    members.put(MANIFEST, Mappers.json().writeValueAsBytes(manifest));
    members.put(CONFIG, configText(config).getBytes(StandardCharsets.UTF_8));
    members.put(PIPELINE, Mappers.json().writeValueAsBytes(pipeline));
    members.put(BINS, Mappers.json().writeValueAsBytes(bins));
    ByteArrayOutputStream model = new ByteArrayOutputStream();
    this.model.serializeToStream(model);
    members.put(MODEL, model.toByteArray());
    Map<String, String> checksums = new LinkedHashMap<>();
    members.forEach((name, bytes) -> checksums.put(name, sha256(bytes)));
    members.put(CHECKSUMS, Mappers.json().writeValueAsBytes(checksums));
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> member : members.entrySet()) {
        ZipEntry entry = new ZipEntry(member.getKey());
        entry.setTime(0);
        zip.putNextEntry(entry);
        zip.write(member.getValue());
        zip.closeEntry();
      }
    }
  }

  /**
   * Reads a bundle; a data error (exit 3) that names the file and what is wrong with it if it is
   * missing, not a bundle, truncated, or has a damaged member.
   */
  public static ModelBundle read(Path file) {
    Map<String, byte[]> members = members(file);
    for (String name : MEMBERS) {
      if (!members.containsKey(name)) {
        throw notABundle(file, "it has no " + name);
      }
    }
    checkDigests(file, members);
    Manifest manifest = parse(file, members, MANIFEST, Mappers.json(), new TypeReference<>() {});
    if (!Manifest.SCHEMA.equals(manifest.schema())) {
      throw notABundle(
          file, "its schema is '" + manifest.schema() + "', this Precis reads " + Manifest.SCHEMA);
    }
    PrecisConfig config = parse(file, members, CONFIG, Mappers.yaml(), new TypeReference<>() {});
    FeaturePipeline pipeline =
        parse(file, members, PIPELINE, Mappers.json(), new TypeReference<>() {});
    ScoreBins bins = parse(file, members, BINS, Mappers.json(), new TypeReference<>() {});
    return new ModelBundle(manifest, config, pipeline, bins, readModel(file, members.get(MODEL)));
  }

  /** The zip's members by name. */
  private static Map<String, byte[]> members(Path file) {
    if (Files.isDirectory(file)) {
      throw PrecisException.data(
          file + ": is a directory; give a model bundle written by `precis train`");
    }
    Map<String, byte[]> members = new LinkedHashMap<>();
    String current = null;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      in.mark(ZIP_SIGNATURE.length);
      if (!Arrays.equals(in.readNBytes(ZIP_SIGNATURE.length), ZIP_SIGNATURE)) {
        throw notABundle(file, "it is not a zip archive");
      }
      in.reset();
      ZipInputStream zip = new ZipInputStream(in);
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        current = entry.getName();
        members.put(current, zip.readAllBytes());
      }
    } catch (NoSuchFileException e) {
      throw PrecisException.data(file + ": no such model bundle; check the path given to --model");
    } catch (EOFException e) {
      throw PrecisException.data(
          file
              + ": the bundle is truncated"
              + (current == null ? "" : " (it ends inside " + current + ")")
              + "; copy it again, or retrain",
          e);
    } catch (IOException e) {
      throw PrecisException.data(
          file
              + ": the bundle is damaged"
              + (current == null ? "" : " (in " + current + ")")
              + "; copy it again, or retrain",
          e);
    }
    return members;
  }

  /** Checks each member against sha256.json, when the bundle has one. */
  private static void checkDigests(Path file, Map<String, byte[]> members) {
    if (!members.containsKey(CHECKSUMS)) {
      return;
    }
    Map<String, String> expected =
        parse(file, members, CHECKSUMS, Mappers.json(), new TypeReference<>() {});
    for (String name : MEMBERS) {
      if (!sha256(members.get(name)).equals(expected.get(name))) {
        throw corrupt(file, name, "it does not match its digest in " + CHECKSUMS, null);
      }
    }
  }

  private static <T> T parse(
      Path file,
      Map<String, byte[]> members,
      String name,
      ObjectMapper mapper,
      TypeReference<T> type) {
    try {
      return mapper.readValue(members.get(name), type);
    } catch (JsonProcessingException e) {
      throw PrecisException.data(
          file
              + ": its "
              + name
              + " is not valid: "
              + Mappers.problem(e)
              + "; retrain, or copy the bundle again",
          e);
    } catch (IOException e) {
      throw corrupt(file, name, "it cannot be read", e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Model<Label> readModel(Path file, byte[] bytes) {
    Model<?> model;
    try (InputStream in = new ByteArrayInputStream(bytes)) {
      model = Model.deserializeFromStream(in);
    } catch (IOException | RuntimeException e) {
      // Tribuo reports a damaged protobuf as an IOException or, past the wire format, as any of
      // several runtime exceptions: all mean the same to the user
      throw corrupt(file, MODEL, "not a Tribuo protobuf model", e);
    }
    if (!model.validate(Label.class)) {
      throw corrupt(file, MODEL, "not a classification model", null);
    }
    return (Model<Label>) model;
  }

  private static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(Sha256.newDigest().digest(bytes));
  }

  private static PrecisException corrupt(Path file, String member, String why, Throwable cause) {
    return PrecisException.data(
        file + ": its " + member + " is corrupt (" + why + "); retrain, or copy the bundle again",
        cause);
  }

  private static PrecisException notABundle(Path file, String why) {
    return PrecisException.data(
        file + ": not a Precis model bundle (" + why + "); give a file written by `precis train`");
  }
}
