package dev.precis.model;

import dev.precis.PrecisException;
import dev.precis.config.EngineConfig;
import dev.precis.data.EncodedData;
import dev.precis.data.PipelineNeeds;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Gradient-boosted trees by XGBoost (xgboost4j, histogram method), stopped early on the validation
 * rows' log loss.
 *
 * <p>This calls xgboost4j directly rather than through Tribuo's XGBoostClassificationTrainer, which
 * is on the class path: Tribuo 4.3's trainer watches no validation set, so it cannot stop early,
 * and its model scores with every tree it was given; it fits a two-class softmax, two trees a round
 * where a logistic objective needs one, which doubles the fitting time; and it scores through
 * Tribuo examples one batch of objects at a time. Here the rows go to XGBoost as they are (sparse,
 * a feature a row lacks is missing to XGBoost), each round is watched on the validation rows, and
 * the booster is saved in XGBoost's own format with the round it keeps ({@link BoosterArtifact}).
 */
final class XGBoostFamily extends TypedFamily<XGBoostParams> {
  static final List<ParamSpec> PARAMS =
      List.of(
          ParamSpec.integer(
              "rounds",
              1000,
              1,
              100_000,
              "the most boosting rounds (one tree each); early stopping usually ends sooner"),
          ParamSpec.integer(
              "early_stopping_rounds",
              50,
              0,
              100_000,
              "stop after this many rounds without a better validation log loss and keep the best"
                  + " round; 0 runs every round (so does an empty validation split)"),
          ParamSpec.real("learning_rate", 0.05, 1e-4, 1, "shrinkage of each tree (XGBoost's eta)"),
          ParamSpec.integer(
              "max_depth", 6, 0, 20, "deepest a tree grows; 0 for no limit (needs max_leaves)"),
          ParamSpec.integer(
              "max_leaves",
              0,
              0,
              65_536,
              "most leaves a tree grows, splitting the best leaf first (XGBoost's lossguide, as"
                  + " LightGBM and HistGradientBoosting grow); 0 grows level by level to"
                  + " max_depth"),
          ParamSpec.real(
              "min_child_weight", 1, 0, 1e6, "least hessian (about rows x p(1-p)) in a leaf"),
          ParamSpec.real("subsample", 0.8, 0.05, 1, "fraction of rows each tree sees"),
          ParamSpec.real("colsample_bytree", 0.8, 0.05, 1, "fraction of features each tree sees"),
          ParamSpec.real("lambda", 1, 0, 1e6, "L2 penalty on leaf values"),
          ParamSpec.real("alpha", 0, 0, 1e6, "L1 penalty on leaf values"),
          ParamSpec.real("gamma", 0, 0, 1e6, "least loss reduction a split must bring"),
          ParamSpec.real(
              "scale_pos_weight",
              1,
              1e-6,
              1e6,
              "weight of a positive row against a negative one (raises scores; ranking metrics"
                  + " rarely gain)"),
          ParamSpec.integer("max_bin", 256, 2, 65_536, "histogram bins per feature"));

  static final Map<String, Object> SPACE =
      Map.of(
          "learning_rate", Map.of("min", 0.02, "max", 0.2, "log", true),
          "max_depth", List.of(3, 4, 5, 6, 8),
          "max_leaves", List.of(0, 15, 31, 63),
          "min_child_weight", Map.of("min", 1, "max", 30, "log", true),
          "subsample", Map.of("min", 0.6, "max", 1.0),
          "colsample_bytree", Map.of("min", 0.5, "max", 1.0),
          "lambda", Map.of("min", 0.1, "max", 10, "log", true));

  private static final String[] VALID = {"valid"};

  /** The fit summary's key for the round the model keeps. */
  static final String BEST_ROUND = "best_round";

  /** Numbers as they are, since a tree splits on their order; missing ones left to XGBoost. */
  XGBoostFamily() {
    super(
        XGBoostParams.class,
        new PipelineNeeds(PipelineNeeds.Numbers.RAW, true),
        new EarlyStopping("early_stopping_rounds", "rounds", BEST_ROUND));
  }

  @Override
  public ModelArtifact fit(
      EncodedData train,
      EncodedData valid,
      XGBoostParams params,
      Task task,
      EngineConfig engine,
      long seed) {
    boolean watched = valid.rows() > 0 && params.earlyStoppingRounds() > 0;
    DMatrix trainRows = null;
    DMatrix validRows = null;
    try {
      trainRows = XGBoostData.labelled(train);
      validRows = watched ? XGBoostData.labelled(valid) : null;
      // Boosting zero rounds makes the booster, with the validation rows in its prediction cache
      // as XGBoost's own train puts them: each round's evaluation adds one tree's predictions.
      Booster booster =
          XGBoost.train(
              trainRows,
              settings(params, engine, seed),
              0,
              watched ? Map.of(VALID[0], validRows) : Map.of(),
              null,
              null);
      return boost(booster, trainRows, validRows, params);
    } catch (XGBoostError e) {
      throw new PrecisException(
          1, "XGBoost could not train the model; rerun with --stacktrace and report it", e);
    } catch (LinkageError e) {
      throw XGBoostEngine.unavailable(e);
    } finally {
      for (DMatrix rows : new DMatrix[] {trainRows, validRows}) {
        if (rows != null) {
          rows.dispose();
        }
      }
    }
  }

  /**
   * Adds rounds until {@code rounds}, or until {@code early_stopping_rounds} have passed without a
   * lower validation log loss; keeps the rounds up to the lowest.
   *
   * @param validRows null to run every round
   */
  private static BoosterArtifact boost(
      Booster booster, DMatrix trainRows, DMatrix validRows, XGBoostParams params)
      throws XGBoostError {
    int run = 0;
    int kept = 0;
    float best = Float.POSITIVE_INFINITY;
    float[] loss = new float[1];
    while (run < params.rounds()
        && (validRows == null || run - kept < params.earlyStoppingRounds())) {
      booster.update(trainRows, run);
      run++;
      if (validRows != null) {
        booster.evalSet(new DMatrix[] {validRows}, VALID, run - 1, loss);
        if (loss[0] < best) {
          best = loss[0];
          kept = run;
        }
      }
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put(BEST_ROUND, validRows == null ? run : kept);
    summary.put("rounds_run", run);
    if (validRows != null) {
      // XGBoost measures in floats: the float's own digits, not those its widening would add.
      summary.put("valid_logloss", Double.parseDouble(Float.toString(best)));
    }
    return BoosterArtifact.fitted(booster, validRows == null ? run : kept, summary);
  }

  private static Map<String, Object> settings(
      XGBoostParams params, EngineConfig engine, long seed) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("objective", "binary:logistic");
    settings.put("eval_metric", "logloss");
    settings.put("tree_method", "hist");
    settings.put("eta", params.learningRate());
    settings.put("max_depth", params.maxDepth());
    if (params.maxLeaves() > 0) {
      settings.put("grow_policy", "lossguide");
      settings.put("max_leaves", params.maxLeaves());
    }
    settings.put("min_child_weight", params.minChildWeight());
    settings.put("subsample", params.subsample());
    settings.put("colsample_bytree", params.colsampleBytree());
    settings.put("lambda", params.lambda());
    settings.put("alpha", params.alpha());
    settings.put("gamma", params.gamma());
    settings.put("scale_pos_weight", params.scalePosWeight());
    settings.put("max_bin", params.maxBin());
    settings.put("nthread", engine.effectiveThreads());
    settings.put("seed", seed);
    // XGBoost's native warnings go straight to the process's stderr, past --quiet.
    settings.put("verbosity", 0);
    return settings;
  }
}
