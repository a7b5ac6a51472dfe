package dev.precis.model;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.TensorFlow;
import org.tensorflow.op.nn.BlockLSTM;
import org.tensorflow.op.nn.BlockLSTMGrad;
import org.tensorflow.types.TFloat32;

/**
 * The gradient of TensorFlow's fused LSTM op (BlockLSTMV2), which TensorFlow registers in Python
 * only: TensorFlow-Java has none, so {@code tf.gradients} through it fails. This registers the one
 * Python has: the op's grad kernel, fed the forward op's inputs and every output it saved, and the
 * gradients reaching its cell states and hidden states. LstmGradientTest checks it against finite
 * differences.
 */
final class LstmGradient {
  private static boolean registered;

  private LstmGradient() {}

  /** Registers the gradient, once per process. */
  @SuppressWarnings("unchecked")
  static synchronized void register() {
    if (registered) {
      return;
    }
    registered =
        TensorFlow.registerCustomGradient(
            BlockLSTM.Inputs.class,
            (tf, op, grads) -> {
              BlockLSTM<TFloat32> forward = (BlockLSTM<TFloat32>) op.getOutputs();
              BlockLSTMGrad<TFloat32> backward =
                  tf.nn.blockLSTMGrad(
                      op.seqLenMax,
                      (Operand<TFloat32>) op.x,
                      (Operand<TFloat32>) op.csPrev,
                      (Operand<TFloat32>) op.hPrev,
                      (Operand<TFloat32>) op.w,
                      (Operand<TFloat32>) op.wci,
                      (Operand<TFloat32>) op.wcf,
                      (Operand<TFloat32>) op.wco,
                      (Operand<TFloat32>) op.b,
                      forward.i(),
                      forward.cs(),
                      forward.f(),
                      forward.o(),
                      forward.ci(),
                      forward.co(),
                      forward.h(),
                      (Operand<TFloat32>) grads.get(1),
                      (Operand<TFloat32>) grads.get(6),
                      op.usePeephole);
              // the sequence length is a whole number: it has no gradient, but needs an entry
              return List.of(
                  tf.zerosLike(op.seqLenMax),
                  backward.xGrad(),
                  backward.csPrevGrad(),
                  backward.hPrevGrad(),
                  backward.wGrad(),
                  backward.wciGrad(),
                  backward.wcfGrad(),
                  backward.wcoGrad(),
                  backward.bGrad());
            });
    if (!registered) {
      throw new IllegalStateException("TensorFlow refused the LSTM's gradient");
    }
  }
}
