package dev.precis.data;

import dev.precis.PrecisException;
import dev.precis.config.DataConfig;
import dev.precis.config.PrecisConfig;
import dev.precis.io.InputFile;
import java.nio.file.Path;
import java.util.List;

/**
 * The rows every command reads, wherever they come from: a raw CSV (a file, or standard input for
 * {@code -}), a directory written by `prep`, or one of its parts. This is the one place that tells
 * them apart. train and tune {@link #open} a source of labelled rows, which knows which rows are
 * train, valid and test; eval and predict {@link #stream} a file of any size through a model's
 * pipeline. Either way the input is read once, hashed as its bytes go by, and its labels are read
 * by one {@link LabelReader}, so no two commands can disagree about the rows they see.
 */
public sealed interface DataSource permits RawSource, PreparedSource {

  /**
   * Opens {@code data.path} of the config.
   *
   * @param needs what the model family to be fitted needs from the pipeline
   * @throws PrecisException (usage) when the config names no data; (data) when it cannot be read
   */
  static DataSource open(PrecisConfig config, PipelineNeeds needs) {
    if (config.data().path() == null) {
      throw PrecisException.usage(
          "no data: pass --data FILE (or a directory written by `precis prep`), or set data.path");
    }
    requireArms(config);
    Path path = Path.of(config.data().path());
    return PreparedDirectory.isPrepared(path)
        ? new PreparedSource(path, PreparedDirectory.read(path, needs))
        : new RawSource(Preparation.Source.read(config, needs));
  }

  /**
   * Refuses a directory written by `prep` as the data of task uplift: its parts keep no treatment
   * column, so no row's arm is known.
   *
   * @throws PrecisException (usage) naming data.path and the fix
   */
  static void requireArms(PrecisConfig config) {
    if (config.task() == dev.precis.config.TaskType.UPLIFT
        && config.data().path() != null
        && PreparedDirectory.isPrepared(Path.of(config.data().path()))) {
      throw PrecisException.usage(
          "data.path: a directory written by `prep` keeps no treatment column, so task: uplift"
              + " trains and tunes on the raw file; pass --data FILE.csv");
    }
  }

  /**
   * A file to score with {@code pipeline}, read once in blocks: eval and predict take any file this
   * way, in constant memory.
   *
   * @throws PrecisException (data) when it cannot be read, or is a part prepared with another
   *     pipeline
   */
  static StreamedFile stream(Path file, DataConfig data, FeaturePipeline pipeline) {
    return StreamedFile.open(file, data, pipeline);
  }

  /** The input as reports name it: its path and the SHA-256 taken during the single read. */
  InputFile input();

  /** What the user should hear about the columns (empty or ID-like ones), in column order. */
  List<String> warnings();

  /** The configured split: the pipeline fitted on the train part, every part encoded with it. */
  PreparedData split();

  /**
   * Stratified cross-validation folds over every labelled row but the test part, each fold's
   * validation rows encoded with a pipeline that did not see them where the source allows it.
   *
   * @throws PrecisException (data) when the rows cannot give every fold both classes
   */
  List<Fold> searchFolds(int k, long seed);

  /**
   * One cross-validation fold.
   *
   * @param train the rows a candidate is fitted on
   * @param valid the held-out rows it is measured on
   */
  record Fold(EncodedData train, EncodedData valid) {
    public int rows() {
      return train.rows() + valid.rows();
    }
  }
}
