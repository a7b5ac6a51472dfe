package dev.precis.data;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.precis.PrecisException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The fitted transformation from raw columns to the model's features: an ordered list of {@link
 * ColumnStep}s (imputation and scaling of numbers, one-hot encoding of categories, ...), each
 * writing its own run of named features. Fitted on training rows only, saved as pipeline.json in
 * the model bundle and the prep directory, and applied unchanged to any file that is scored later.
 *
 * <p>pipeline.json holds {@code "format": 2} and the steps, each tagged with its kind. Format 1,
 * what Precis 0.1 wrote (a "numeric" and a "categorical" list, no "format"), still reads, as the
 * same features in the same order.
 *
 * @param target the target column
 * @param positive the target value that counts as a response
 * @param id the column that identifies a row, or null
 * @param missingTokens raw values that mean "missing" besides a blank field
 * @param steps the steps, in feature order
 * @param pii the columns declared personal and where the hashing key is read from (never the key);
 *     absent from pipeline.json when none is
 */
@JsonPropertyOrder({"format", "target", "positive", "id", "missing_tokens", "steps", "pii"})
public record FeaturePipeline(
    String target,
    String positive,
    String id,
    List<String> missingTokens,
    List<ColumnStep> steps,
    @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = NoPersonalData.class)
        PersonalData pii) {

  /** The format this Precis writes. */
  public static final int FORMAT = 2;

  /** The level that stands for a missing category. */
  public static final String MISSING_LEVEL = "(missing)";

  /** The level that stands for every category too rare to keep. */
  public static final String OTHER_LEVEL = "(other)";

  /**
   * @throws PrecisException (data) when two steps write a feature of the same name
   */
  public FeaturePipeline {
    pii = pii == null ? PersonalData.NONE : pii;
    missingTokens = List.copyOf(missingTokens);
    steps = List.copyOf(steps);
    Set<String> seen = new HashSet<>();
    boolean alone = steps.size() == 1 && steps.get(0).distinctNames();
    for (ColumnStep step : alone ? List.<ColumnStep>of() : steps) {
      for (String name : step.featureNames()) {
        if (!seen.add(name)) {
          throw PrecisException.data(
              "two columns would make a feature named '"
                  + name
                  + "' (a column of that name, and another column's indicator or level); rename"
                  + " one in the file, or leave one out with data.drop");
        }
      }
    }
  }

  /** A pipeline of no declared personal columns. */
  public FeaturePipeline(
      String target,
      String positive,
      String id,
      List<String> missingTokens,
      List<ColumnStep> steps) {
    this(target, positive, id, missingTokens, steps, PersonalData.NONE);
  }

  /** Leaves "pii" out of pipeline.json when nothing is declared, as before data.pii. */
  static final class NoPersonalData {
    @Override
    public boolean equals(Object value) {
      return value == null || (value instanceof PersonalData pii && pii.isEmpty());
    }

    @Override
    public int hashCode() {
      return 0;
    }
  }

  /**
   * Reads either format of pipeline.json.
   *
   * @throws PrecisException (data) when it is of a newer format, or mixes the two
   */
  @JsonCreator
  static FeaturePipeline fromJson(
      @JsonProperty("format") Integer format,
      @JsonProperty("target") String target,
      @JsonProperty("positive") String positive,
      @JsonProperty("id") String id,
      @JsonProperty("missing_tokens") List<String> missingTokens,
      @JsonProperty("steps") List<ColumnStep> steps,
      @JsonProperty("pii") PersonalData pii,
      @JsonProperty("numeric") List<PipelineFormat1.Numeric> numeric,
      @JsonProperty("categorical") List<PipelineFormat1.Categorical> categorical) {
    if (format == null) {
      return new PipelineFormat1(target, positive, id, missingTokens, numeric, categorical)
          .pipeline();
    }
    if (format > FORMAT) {
      throw PrecisException.data(
          "pipeline format " + format + " is newer than this Precis reads (" + FORMAT + ")");
    }
    if (format != FORMAT || steps == null || numeric != null || categorical != null) {
      throw PrecisException.data("a format " + FORMAT + " pipeline has steps, and only them");
    }
    return new FeaturePipeline(target, positive, id, missingTokens, steps, pii);
  }

  /** The format of the pipeline.json this pipeline is written as. */
  @JsonProperty("format")
  public int format() {
    return FORMAT;
  }

  /** Names of the output features, in order: "age", "age:missing", "job=admin.", ... */
  @JsonIgnore
  public List<String> featureNames() {
    List<String> names = new ArrayList<>();
    steps.forEach(step -> names.addAll(step.featureNames()));
    return names;
  }

  /** How many features it writes: the size of {@link #featureNames()}, without making them. */
  @JsonIgnore
  public int featureCount() {
    int count = 0;
    for (ColumnStep step : steps) {
      count += step.featureCount();
    }
    return count;
  }

  /** Where the features of the texts given as token sequences lie, in feature order. */
  @JsonIgnore
  public List<TokenSequence> sequences() {
    List<TokenSequence> sequences = new ArrayList<>();
    int first = 0;
    for (ColumnStep step : steps) {
      if (step instanceof SequenceStep sequence) {
        sequences.add(new TokenSequence(sequence.name(), first, sequence.length()));
      }
      first += step.featureCount();
    }
    return sequences;
  }

  /** The raw columns a file must have to be scored. */
  @JsonIgnore
  public List<String> inputColumns() {
    Set<String> columns = new LinkedHashSet<>();
    steps.forEach(step -> columns.addAll(step.inputColumns()));
    return List.copyOf(columns);
  }

  /** An encoder for rows of a file with these columns; a data error if one it needs is absent. */
  public RowEncoder encoder(Path file, List<String> columns) {
    return new RowEncoder(this, file, columns);
  }
}
