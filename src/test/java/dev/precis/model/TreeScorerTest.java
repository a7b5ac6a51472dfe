package dev.precis.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.precis.data.CsvTable;
import dev.precis.data.RowEncoder;
import dev.precis.data.SparseRows;
import dev.precis.train.ModelTraining;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;

/** Specifies that the fast tree and forest scorer gives Tribuo's own predictions. */
class TreeScorerTest {
  @TempDir static Path dir;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "model.type=tree",
        "model.type=forest,model.params.trees=8,model.params.max_depth=8"
      })
  void agreesWithTribuosPrediction(String sets) {
    String type = sets.split(",")[0];
    ModelBundle bundle =
        ModelTraining.train(
                ModelBundleTest.bankConfig(sets.split(",")),
                dir.resolve(Math.abs(sets.hashCode()) + ".precis"))
            .bundle();
    Model<Label> model = ((TribuoModelArtifact) bundle.models().get(0)).model();
    CsvTable table = CsvTable.read(ModelBundleTest.BANK, bundle.config().data());
    RowEncoder encoder = bundle.pipeline().encoder(table.file(), table.columns());
    SparseRows x = new SparseRows(encoder.featureCount());
    for (int r = 0; r < table.rowCount(); r += 3) {
      encoder.encode(table.row(r), x);
    }
    double[] fast = bundle.scorer().score(x);
    List<String> names = bundle.pipeline().featureNames();
    double[] values = new double[names.size()];
    for (int r = 0; r < x.rows(); r++) {
      x.dense(r, values);
      var example =
          new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, names.toArray(new String[0]), values);
      double tribuo = model.predict(example).getOutputScores().get(Labels.POSITIVE_NAME).getScore();
      assertEquals(tribuo, fast[r], 1e-9, type + " row " + r);
    }
  }
}
