package dev.precis.data;

import dev.precis.PrecisException;
import dev.precis.config.PrecisConfig;
import dev.precis.io.InputFile;
import java.nio.file.Path;
import java.util.List;

/**
 * The labelled rows that train and tune learn from, wherever they come from: a raw CSV (a file, or
 * standard input for {@code -}), prepared in memory, or a directory written by `prep`. This is the
 * one place that tells the two apart. It reads its input once, hashing the bytes as they go by, and
 * knows which rows are train, valid and test, so that no two commands can disagree about them.
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
    Path path = Path.of(config.data().path());
    return PreparedDirectory.isPrepared(path)
        ? new PreparedSource(path, PreparedDirectory.read(path))
        : new RawSource(Preparation.Source.read(config, needs));
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
