package dev.precis.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The two Jackson mappers every file of Precis goes through: snake_case keys, strict reading
 * (unknown keys, fractions for integers and nulls for primitives are errors), stable output.
 */
public final class Mappers {
  private static final ObjectMapper JSON =
      configure(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build());
  private static final ObjectMapper YAML =
      configure(
          YAMLMapper.builder(
                  YAMLFactory.builder()
                      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                      .build())
              .build());

  private Mappers() {}

  private static ObjectMapper configure(ObjectMapper mapper) {
    return mapper
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  }

  /** JSON for reports, manifests and pipelines. */
  public static ObjectMapper json() {
    return JSON;
  }

  /** YAML for configs. */
  public static ObjectMapper yaml() {
    return YAML;
  }

  /**
   * What is wrong with a file these mappers could not read, in plain words with where it is: none
   * of the library's own text, which quotes types and internals (or a redacted source).
   */
  public static String problem(JsonProcessingException e) {
    JsonLocation location = e.getLocation();
    String at =
        location == null || location.getLineNr() < 1
            ? ""
            : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    if (e.getCause() instanceof dev.precis.PrecisException cause) {
      return cause.getMessage() + at;
    }
    if (e instanceof StreamReadException) {
      return "it does not parse" + at;
    }
    if (e instanceof UnrecognizedPropertyException unknown) {
      return "unexpected key '" + unknown.getPropertyName() + "'" + at;
    }
    String key =
        e instanceof JsonMappingException mapping
            ? mapping.getPath().stream()
                .map(
                    r -> r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()))
                .collect(java.util.stream.Collectors.joining("."))
            : "";
    return (key.isEmpty()
            ? "a value is missing or of the wrong type"
            : "a wrong or missing value for '" + key + "'")
        + at;
  }
}
