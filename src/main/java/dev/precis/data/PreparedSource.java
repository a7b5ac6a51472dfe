package dev.precis.data;

import dev.precis.io.InputFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A directory written by `prep`, read back through its prepared.json: the split is its parts as
 * written, and search folds are cut from train.csv and valid.csv, the same rows a raw file
 * searches.
 *
 * @param dir the directory
 * @param data its parts and pipeline
 */
record PreparedSource(Path dir, PreparedData data) implements DataSource {

  @Override
  public InputFile input() {
    return InputFile.of(dir);
  }

  @Override
  public List<String> warnings() {
    return List.of();
  }

  @Override
  public PreparedData split() {
    return data;
  }

  /**
   * Folds of train.csv and valid.csv. prep fitted the pipeline on train.csv, so a fold that
   * validates on train.csv rows had them in its scaling and levels: a slight leak, known and kept,
   * that a raw file avoids by fitting inside each fold.
   */
  @Override
  public List<Fold> searchFolds(int k, long seed) {
    EncodedData all = data.train().concat(data.valid());
    SearchFolds.requireBothClasses(dir, all.y(), k);
    List<Fold> folds = new ArrayList<>();
    for (int[] valid : Splits.folds(all.y(), k, seed)) {
      folds.add(new Fold(all.subset(Splits.complement(all.rows(), valid)), all.subset(valid)));
    }
    return folds;
  }
}
