package dev.precis.model;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.op.Op;
import org.tensorflow.types.TFloat32;

/** The tensors fed to one training step of a network, each closed once the step has run. */
final class StepFeeds implements AutoCloseable {
  private final Session.Runner runner;
  private final List<Tensor> fed = new ArrayList<>();

  StepFeeds(Session session) {
    runner = session.runner();
  }

  StepFeeds feed(Operand<?> placeholder, Tensor tensor) {
    fed.add(tensor);
    runner.feed(placeholder, tensor);
    return this;
  }

  /**
   * The batch's labels, 1 or 0, and each row's weight in the loss, its class's.
   *
   * @param labels every training row's
   * @param batch the rows of this step
   * @param classWeights [negative, positive]
   */
  StepFeeds labels(
      Operand<TFloat32> y,
      Operand<TFloat32> rowWeights,
      boolean[] labels,
      int[] batch,
      double[] classWeights) {
    float[] ys = new float[batch.length];
    float[] ws = new float[batch.length];
    for (int i = 0; i < batch.length; i++) {
      boolean positive = labels[batch[i]];
      ys[i] = positive ? 1f : 0f;
      ws[i] = (float) classWeights[positive ? 1 : 0];
    }
    return feed(y, TFloat32.vectorOf(ys)).feed(rowWeights, TFloat32.vectorOf(ws));
  }

  /** Adam's bias corrections at this step, counting from 1. */
  StepFeeds powers(Optimizers.Powers powers, long step) {
    float[] at = Optimizers.Powers.at(step);
    return feed(powers.betaOne(), TFloat32.scalarOf(at[0]))
        .feed(powers.betaTwo(), TFloat32.scalarOf(at[1]));
  }

  void run(Op step) {
    runner.addTarget(step).run().close();
  }

  @Override
  public void close() {
    fed.forEach(Tensor::close);
  }
}
