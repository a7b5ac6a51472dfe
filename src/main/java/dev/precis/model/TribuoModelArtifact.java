package dev.precis.model;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * A Tribuo classification model, saved in Tribuo's protobuf format. It is loaded only from
 * protobuf, never by Java deserialization, which would run code a crafted file carries.
 */
public record TribuoModelArtifact(String name, Model<Label> model) implements ModelArtifact {
  public static final String KIND = "tribuo-model";

  /** The name a response task's one model has in the bundle. */
  public static final String MODEL = "model.tribuo";

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void save(OutputStream out) throws IOException {
    model.serializeToStream(out);
  }

  @Override
  public Scorer scorer(List<String> featureNames) {
    return Scorers.forModel(model, featureNames);
  }

  /**
   * The weights of a logistic model (Tribuo's LinearSGDModel), in its log-odds, or of a linear SVM
   * (a LibLinear model), in its margin; empty for any other.
   */
  @Override
  public java.util.Optional<double[]> linearWeights(List<String> featureNames) {
    if (model instanceof org.tribuo.classification.sgd.linear.LinearSGDModel linear) {
      return java.util.Optional.of(LinearScorer.weights(linear, featureNames));
    }
    if (model instanceof org.tribuo.classification.liblinear.LibLinearClassificationModel svm) {
      return java.util.Optional.of(SvmWeights.of(svm, featureNames));
    }
    return java.util.Optional.empty();
  }

  /** A logistic model's or a linear SVM's contributions, relative to its intercept. */
  @Override
  public java.util.Optional<Explainer> explainer(List<String> featureNames) {
    return linearWeights(featureNames)
        .map(weights -> new LinearExplainer(weights, intercept(featureNames)));
  }

  /** The raw score (log-odds or margin) of an encoded row of zeros. */
  private double intercept(List<String> featureNames) {
    dev.precis.data.SparseRows zeros = new dev.precis.data.SparseRows(featureNames.size());
    zeros.endRow();
    double p = scorer(featureNames).score(zeros)[0];
    return Math.log(p) - Math.log1p(-p);
  }

  /**
   * Reads a model saved by {@link #save}.
   *
   * @throws IOException when the bytes are not a Tribuo classification model
   */
  @SuppressWarnings("unchecked")
  static TribuoModelArtifact load(String name, byte[] bytes) throws IOException {
    Model<?> model;
    try (InputStream in = new ByteArrayInputStream(bytes)) {
      model = Model.deserializeFromStream(in);
    } catch (IOException | RuntimeException e) {
      // Tribuo reports a damaged protobuf as an IOException or, past the wire format, as any of
      // several runtime exceptions: all mean the same to the user.
      throw new IOException("not a Tribuo protobuf model", e);
    }
    if (!model.validate(Label.class)) {
      throw new IOException("not a classification model");
    }
    return new TribuoModelArtifact(name, (Model<Label>) model);
  }
}
