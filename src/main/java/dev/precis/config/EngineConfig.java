package dev.precis.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where the work runs.
 *
 * @param device cpu, or gpu for TensorFlow models (needs the GPU native build)
 * @param threads threads for every pool (training engines, tune trials, scoring); 0 uses every core
 */
public record EngineConfig(Device device, int threads) {
  /**
   * The most threads (or parallel trials) a config may ask for: far above any core count, low
   * enough that a slip such as 100000 is refused rather than starting that many threads.
   */
  public static final int MAX_THREADS = 1024;

  /** Compute device for TensorFlow models. */
  public enum Device {
    @JsonProperty("cpu")
    CPU,
    @JsonProperty("gpu")
    GPU
  }

  public EngineConfig {
    Check.present(device, "engine.device");
    Check.between(threads, 0, MAX_THREADS, "engine.threads");
  }

  /** The thread count to use: the configured one, or every core when it is 0. */
  public int effectiveThreads() {
    return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
  }
}
