package dev.precis.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where the work runs.
 *
 * @param device cpu, or gpu for TensorFlow models (needs the GPU native build)
 * @param threads scoring threads for predict and eval; 0 uses every core
 */
public record EngineConfig(Device device, int threads) {
  /** Compute device for TensorFlow models. */
  public enum Device {
    @JsonProperty("cpu")
    CPU,
    @JsonProperty("gpu")
    GPU
  }

  public EngineConfig {
    Check.present(device, "engine.device");
    Check.atLeast(threads, 0, "engine.threads");
  }

  /** The thread count to use: the configured one, or every core when it is 0. */
  public int effectiveThreads() {
    return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
  }
}
