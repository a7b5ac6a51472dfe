package dev.precis.tune;

import dev.precis.config.EngineConfig;
import dev.precis.config.PrecisConfig;
import dev.precis.report.TuneReport;

/**
 * How a search shares the cores: tune.parallel trials at once (0: one per engine thread), each
 * trial's engine given engine.threads divided among them, at least 1, so that parallel trials do
 * not oversubscribe the cores.
 */
final class Parallelism {
  private Parallelism() {}

  static TuneReport.Parallelism of(PrecisConfig config) {
    int threads = config.engine().effectiveThreads();
    int trials = config.tune().parallel() > 0 ? config.tune().parallel() : threads;
    return new TuneReport.Parallelism(trials, Math.max(1, threads / trials));
  }

  /** The engine settings each trial runs with. */
  static EngineConfig trialEngine(PrecisConfig config) {
    return new EngineConfig(config.engine().device(), of(config).threadsPerTrial());
  }
}
