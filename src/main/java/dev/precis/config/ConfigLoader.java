package dev.precis.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.PrecisException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Builds the resolved config: the built-in defaults, then the YAML file, then command-line
 * overrides, bound to {@link PrecisConfig} and validated. Every error names where the bad key came
 * from (file and line, or the option) and how to fix it: {@link OverrideApplier} sets each
 * override, {@link TextKeys} catches YAML booleans typed for text, {@link BindingErrors} words what
 * binding refuses.
 */
public final class ConfigLoader {
  private final UnaryOperator<PrecisConfig> finisher;

  /**
   * @param finisher completes and checks what the config records alone cannot (model parameters
   *     against the model family); throws {@link ConfigException} naming the key
   */
  public ConfigLoader(UnaryOperator<PrecisConfig> finisher) {
    this.finisher = finisher;
  }

  /** Loads the config; {@code file} may be null to start from the defaults. */
  public PrecisConfig load(Path file, List<ConfigOverride> overrides) {
    return resolve(defaults(), file, overrides);
  }

  /**
   * Loads the config on top of a complete one (a model bundle's) instead of the defaults. The
   * base's model.params belong to its model.type, so they are kept only while the type stays: a
   * config written for the data (sms.yaml, whose model.type is logistic) then reads over a
   * text-lstm bundle instead of failing on parameters it never set.
   */
  public PrecisConfig loadOver(PrecisConfig base, Path file, List<ConfigOverride> overrides) {
    ObjectNode tree = Mappers.yaml().valueToTree(base);
    ObjectNode baseModel = (ObjectNode) tree.get("model");
    JsonNode baseParams = baseModel.remove("params");
    String baseType = baseModel.path("type").asText();
    return resolve(
        tree,
        file,
        overrides,
        resolved -> {
          ObjectNode model = (ObjectNode) resolved.get("model");
          if (baseParams instanceof ObjectNode params
              && model.path("type").asText().equals(baseType)) {
            ObjectNode kept = params.deepCopy();
            if (model.get("params") instanceof ObjectNode own) {
              merge(kept, own);
            }
            model.set("params", kept);
          }
        });
  }

  /**
   * Loads a config kept as YAML text (a model bundle's config.yaml) over the defaults, so a key
   * added after the text was written takes its default.
   *
   * @param name where the text is, for error messages
   */
  public PrecisConfig loadText(String yamlText, String name) {
    ObjectNode tree = defaults();
    ConfigOrigins origins = new ConfigOrigins();
    ObjectNode sections = sections(yamlText, name, origins);
    if (sections != null) {
      merge(tree, sections);
    }
    return finish(tree, origins);
  }

  private PrecisConfig resolve(ObjectNode tree, Path file, List<ConfigOverride> overrides) {
    return resolve(tree, file, overrides, resolved -> {});
  }

  /**
   * @param adjust sees the tree once the file and overrides are merged, before it is bound
   */
  private PrecisConfig resolve(
      ObjectNode tree, Path file, List<ConfigOverride> overrides, Consumer<ObjectNode> adjust) {
    ConfigOrigins origins = new ConfigOrigins();
    if (file != null) {
      mergeFile(tree, file, origins);
    }
    for (ConfigOverride override : overrides) {
      origins.record(override.keyPath(), override.source(), OverrideApplier.apply(tree, override));
    }
    adjust.accept(tree);
    return finish(tree, origins);
  }

  private PrecisConfig finish(ObjectNode tree, ConfigOrigins origins) {
    TextKeys.rejectBooleans(tree, origins);
    try {
      return finisher.apply(Mappers.yaml().treeToValue(tree, PrecisConfig.class));
    } catch (ConfigException e) {
      throw BindingErrors.explain(e, origins);
    } catch (JsonProcessingException e) {
      throw BindingErrors.explain(e, origins);
    }
  }

  /** The built-in defaults, as a tree. */
  public static ObjectNode defaults() {
    try (InputStream in = ConfigLoader.class.getResourceAsStream("/dev/precis/defaults.yaml")) {
      return (ObjectNode) Mappers.yaml().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void mergeFile(ObjectNode tree, Path file, ConfigOrigins origins) {
    if (Files.isDirectory(file)) {
      throw PrecisException.usage(file + ": is a directory; give the config file to --config");
    }
    if (!Files.exists(file)) {
      throw PrecisException.usage(
          file + ": config file not found; check the path given to --config");
    }
    ObjectNode user = sections(ConfigText.read(file), file.toString(), origins);
    if (user != null) {
      resolveDataPath(user, file);
      merge(tree, user);
    }
  }

  /** The top-level sections of a YAML document, or null when it is empty. */
  private static ObjectNode sections(String text, String name, ConfigOrigins origins) {
    JsonNode user;
    try {
      user = Mappers.yaml().readTree(text);
      origins.indexDocument(name, text);
    } catch (JsonProcessingException e) {
      throw PrecisException.usage(ConfigText.yamlError(name, e));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (user == null || user.isMissingNode() || user.isNull()) {
      return null;
    }
    if (!user.isObject()) {
      throw PrecisException.usage(
          name + ":1: expected sections such as 'data:' and 'model:' at the top level");
    }
    return (ObjectNode) user;
  }

  /** A data path in a config file is relative to that file, so configs travel with their data. */
  private static void resolveDataPath(ObjectNode user, Path file) {
    JsonNode path = user.path("data").path("path");
    if (!path.isTextual() || path.asText().equals("-") || Path.of(path.asText()).isAbsolute()) {
      return; // "-" is standard input, not a file beside the config
    }
    Path resolved = file.toAbsolutePath().getParent().resolve(path.asText()).normalize();
    // Messages show the path as short as it can be: relative when it lies below the working
    // directory, absolute rather than a climb of ../.. when it does not.
    Path relative = Path.of("").toAbsolutePath().relativize(resolved);
    String shown =
        relative.toString().isEmpty()
            ? "."
            : relative.startsWith("..") ? resolved.toString() : relative.toString();
    ((ObjectNode) user.get("data")).put("path", shown);
  }

  /** Lays {@code from} over {@code into}: sections merge key by key, anything else replaces. */
  static void merge(ObjectNode into, ObjectNode from) {
    from.fields()
        .forEachRemaining(
            entry -> {
              JsonNode existing = into.get(entry.getKey());
              if (existing instanceof ObjectNode target
                  && entry.getValue() instanceof ObjectNode source) {
                merge(target, source);
              } else {
                into.set(entry.getKey(), entry.getValue());
              }
            });
  }
}
