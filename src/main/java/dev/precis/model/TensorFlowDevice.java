package dev.precis.model;

import dev.precis.PrecisException;
import dev.precis.config.EngineConfig;
import org.tensorflow.DeviceSpec;
import org.tensorflow.Graph;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ConfigProto;

/**
 * Puts the TensorFlow graphs Precis trains on the configured device, with the threads that keep a
 * fit reproducible, after checking that the native build on the class path can run there.
 */
final class TensorFlowDevice {
  private static final String GPU_NATIVES = "/org/tensorflow/internal/c_api/linux-x86_64-gpu/";

  private TensorFlowDevice() {}

  static void check(EngineConfig engine) {
    if (engine.device() == EngineConfig.Device.GPU
        && TensorFlowDevice.class.getResource(GPU_NATIVES) == null) {
      throw PrecisException.usage(
          "engine.device: gpu needs the GPU build of TensorFlow; rebuild with "
              + "`mvn -Ptf-gpu -DskipTests package`, or set engine.device: cpu");
    }
  }

  /** The graph's ops, placed on the configured device. */
  static Ops ops(Graph graph, EngineConfig engine) {
    Ops tf = Ops.create(graph);
    if (engine.device() == EngineConfig.Device.GPU) {
      return tf.withDevice(
          DeviceSpec.newBuilder().deviceType(DeviceSpec.DeviceType.GPU).deviceIndex(0).build());
    }
    return tf;
  }

  /**
   * engine.threads run independent ops side by side; each op itself runs on one thread. A kernel
   * that splits a sum over the batch across threads (a weight gradient's matrix product) adds its
   * parts in an order that depends on the thread count: on bank with 512-256 units and 4,096 rows a
   * batch, 1, 2 and 4 threads gave three different networks. One thread per op gives one network.
   * (TensorFlow sizes the per-op pool once per process, from its first session.) An op without a
   * GPU kernel stays on the CPU.
   */
  static ConfigProto sessionConfig(EngineConfig engine) {
    return ConfigProto.newBuilder()
        .setIntraOpParallelismThreads(1)
        .setInterOpParallelismThreads(engine.effectiveThreads())
        .setAllowSoftPlacement(true)
        .build();
  }
}
