package dev.precis.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.precis.config.PrecisConfig;
import java.util.List;

/**
 * What a bundle's models predict, and how their scores become the bundle's score. Recorded in the
 * bundle's manifest: a response, or an uplift (a treatment column and an outcome, scored as the
 * difference the treatment makes). A numeric target is a further implementation.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ResponseTask.class, name = "response"),
  @JsonSubTypes.Type(value = UpliftTask.class, name = "uplift")
})
public sealed interface Task permits ResponseTask, UpliftTask {
  /** The task a config asks for. */
  static Task of(PrecisConfig config) {
    return switch (config.task()) {
      case RESPONSE -> new ResponseTask(config.data().target(), config.data().positive());
      case UPLIFT -> {
        var data = config.data();
        yield new UpliftTask(
            data.treatment(),
            data.treated(),
            data.control(),
            data.target(),
            data.positive(),
            config.model().uplift());
      }
    };
  }

  /**
   * The bundle's scorer.
   *
   * @param models the bundle's model artifacts, in manifest order (never empty)
   * @param featureNames the pipeline's features, the columns of the rows to score
   */
  Scorer scorer(List<ModelArtifact> models, List<String> featureNames);
}
