package dev.precis.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A hidden layer's activation, as a TensorFlow op for training and as plain Java for scoring: the
 * two must agree, so each lives beside the other.
 */
enum Activation {
  RELU {
    @Override
    Operand<TFloat32> op(Ops tf, Operand<TFloat32> x) {
      return tf.nn.relu(x);
    }

    @Override
    double apply(double x) {
      return x > 0 ? x : 0;
    }
  },
  ELU {
    @Override
    Operand<TFloat32> op(Ops tf, Operand<TFloat32> x) {
      return tf.nn.elu(x);
    }

    @Override
    double apply(double x) {
      return x > 0 ? x : Math.expm1(x);
    }
  },
  TANH {
    @Override
    Operand<TFloat32> op(Ops tf, Operand<TFloat32> x) {
      return tf.math.tanh(x);
    }

    @Override
    double apply(double x) {
      return Math.tanh(x);
    }
  };

  static final List<String> NAMES = Arrays.stream(values()).map(Activation::key).toList();

  abstract Operand<TFloat32> op(Ops tf, Operand<TFloat32> x);

  abstract double apply(double x);

  /** Its name in model.params.activation and in a saved network. */
  @JsonValue
  String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  @JsonCreator
  static Activation of(String key) {
    return valueOf(key.toUpperCase(java.util.Locale.ROOT));
  }
}
