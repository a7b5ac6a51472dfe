package dev.precis.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precis.config.ConfigLoader;
import dev.precis.config.ConfigOverride;
import dev.precis.config.EngineConfig;
import dev.precis.config.PrecisConfig;
import dev.precis.data.DataSource;
import dev.precis.data.EncodedData;
import dev.precis.data.PreparedData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * Specifies the text networks on a slice of the SMS sample: the Java scoring reads the weights as
 * TensorFlow does, training learns, and the same seed gives the same network.
 */
class TextFamilyTest {
  private static final long SEED = 7;
  private static final EngineConfig ONE_THREAD = new EngineConfig(EngineConfig.Device.CPU, 1);
  private static PreparedData data;
  private static Task task;

  static PrecisConfig smsConfig(String... sets) {
    List<ConfigOverride> overrides = new ArrayList<>();
    for (String set :
        List.of(
            "data.path=sample-data/sms/test.tsv",
            "data.delimiter=\t",
            "data.quote=none",
            "data.target=label",
            "data.positive=spam",
            "data.types={text: text}",
            "prep.split.test=0")) {
      overrides.add(ConfigOverride.parseSet(set));
    }
    Arrays.stream(sets).map(ConfigOverride::parseSet).forEach(overrides::add);
    return new ConfigLoader(ModelCatalog::complete).load(null, overrides);
  }

  @BeforeAll
  static void split() {
    PrecisConfig config = smsConfig("model.type=text-lstm");
    data = DataSource.open(config, TextFamily.NEEDS).split();
    task = Task.of(config);
  }

  private static TextArtifact fit(String type, EncodedData valid, String... sets) {
    List<String> all = new ArrayList<>(List.of("model.type=" + type));
    all.addAll(List.of(sets));
    Map<String, Object> params = smsConfig(all.toArray(String[]::new)).model().params();
    TextFamily<?> family = type.equals("text-lstm") ? TextFamily.lstm() : TextFamily.bag();
    return fit(family, params, valid);
  }

  private static <P extends TextParams> TextArtifact fit(
      TextFamily<P> family, Map<String, Object> params, EncodedData valid) {
    return (TextArtifact)
        family.fit(data.train(), valid, family.params(params), task, ONE_THREAD, SEED);
  }

  @Test
  void javaReadsAnLstmAsTensorFlowComputesIt() {
    TextNetwork network =
        fit("text-lstm", data.valid(), "model.params.epochs=1", "model.params.hidden=[8]")
            .network();
    TextNetwork.Text text = network.texts().get(0);
    int[][] texts = {{5, 9, 2}, {3}, {40, 2000, 7, 7, 11}};
    int longest = 5;
    int[] ids = new int[texts.length * longest];
    float[] last = new float[texts.length * longest];
    for (int r = 0; r < texts.length; r++) {
      for (int t = 0; t < texts[r].length; t++) {
        ids[r * longest + t] = texts[r][t] < text.vocabulary() ? texts[r][t] : 1;
      }
      last[r * longest + texts[r].length - 1] = 1;
    }
    float[] tensorFlow = new float[texts.length];
    try (Graph graph = new Graph()) {
      TextGraph model =
          new TextGraph(
              org.tensorflow.op.Ops.create(graph),
              network,
              TextFamily.lstm().params(smsConfig("model.type=text-lstm").model().params()));
      try (Session session = new Session(graph);
          var tokens = TInt32.tensorOf(Shape.of(texts.length, longest), DataBuffers.of(ids));
          var lastToken = TFloat32.tensorOf(Shape.of(texts.length, longest), DataBuffers.of(last));
          var steps = TInt64.scalarOf(longest);
          var result =
              session
                  .runner()
                  .feed(model.texts.get(0).tokens(), tokens)
                  .feed(model.texts.get(0).last(), lastToken)
                  .feed(model.texts.get(0).steps(), steps)
                  .fetch(model.logits)
                  .run()) {
        ((TFloat32) result.get(0)).copyTo(DataBuffers.of(tensorFlow, false, false));
      }
    }
    for (int r = 0; r < texts.length; r++) {
      double[] vector = text.encode(texts[r], texts[r].length);
      double java = network.head().logit(vector);
      assertEquals(tensorFlow[r], java, 1e-4, "row " + r);
    }
  }

  @Test
  void bothEncodersLearnToRankSpam() {
    for (String type : List.of("text-lstm", "text-embedding-bag")) {
      TextArtifact model = fit(type, data.valid(), "model.params.epochs=3");
      double[] scores = new double[data.valid().rows()];
      model.scorer(data.valid().featureNames()).score(data.valid().x(), scores.length, scores);
      double auc = dev.precis.eval.BinaryMetricsCalculator.auc(scores, data.valid().y());
      assertTrue(auc > 0.9, type + " valid AUC " + auc);
    }
  }

  @Test
  void theSameSeedGivesTheSameNetwork() {
    TextNetwork once = fit("text-lstm", data.valid(), "model.params.epochs=1").network();
    TextNetwork again = fit("text-lstm", data.valid(), "model.params.epochs=1").network();
    assertArrayEquals(once.texts().get(0).kernel(), again.texts().get(0).kernel());
    assertArrayEquals(
        once.head().layers().get(0).weights(), again.head().layers().get(0).weights());
  }
}
