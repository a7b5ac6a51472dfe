package dev.precis.model;

import dev.precis.PrecisException;
import dev.precis.config.EngineConfig;

/** Checks that the TensorFlow native build on the class path can run on the configured device. */
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
}
