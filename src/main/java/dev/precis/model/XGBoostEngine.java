package dev.precis.model;

import dev.precis.PrecisException;

/** What to do when XGBoost's native library (xgboost4j's CPU build) cannot run here. */
final class XGBoostEngine {
  private XGBoostEngine() {}

  /** The error for a native library that would not load (a platform without OpenMP, say). */
  static PrecisException unavailable(LinkageError e) {
    return new PrecisException(
        1,
        "XGBoost's native library could not be loaded; it needs 64-bit Linux, macOS or Windows"
            + " with OpenMP (on Linux: libgomp, e.g. apt-get install libgomp1)",
        e);
  }
}
