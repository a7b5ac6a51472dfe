package dev.precis.model;

import dev.precis.PrecisException;
import dev.precis.config.EngineConfig;

/** What Precis's build of XGBoost (xgboost4j's CPU build) can run on, and what to do if not. */
final class XGBoostEngine {
  private XGBoostEngine() {}

  /**
   * @throws PrecisException (usage) for engine.device: gpu, which the CPU build cannot use
   */
  static void check(EngineConfig engine) {
    if (engine.device() == EngineConfig.Device.GPU) {
      throw PrecisException.usage(
          "engine.device: gpu is not available for model.type xgboost (Precis ships XGBoost's"
              + " CPU build); set engine.device: cpu");
    }
  }

  /** The error for a native library that would not load (a platform without OpenMP, say). */
  static PrecisException unavailable(LinkageError e) {
    return new PrecisException(
        1,
        "XGBoost's native library could not be loaded; it needs 64-bit Linux, macOS or Windows"
            + " with OpenMP (on Linux: libgomp, e.g. apt-get install libgomp1)",
        e);
  }
}
