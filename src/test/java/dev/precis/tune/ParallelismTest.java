package dev.precis.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.precis.config.ConfigLoader;
import dev.precis.config.ConfigOverride;
import dev.precis.report.TuneReport;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Specifies how parallel trials share engine.threads. */
class ParallelismTest {
  private final ConfigLoader loader = new ConfigLoader(c -> c);

  @Test
  void parallelTrialsSplitTheEngineThreadsTest() {
    assertEquals(new TuneReport.Parallelism(2, 4), of("engine.threads=8", "tune.parallel=2"));
    assertEquals(new TuneReport.Parallelism(3, 2), of("engine.threads=7", "tune.parallel=3"));
  }

  @Test
  void moreTrialsThanThreadsGiveEachTrialOneThreadTest() {
    assertEquals(new TuneReport.Parallelism(4, 1), of("engine.threads=2", "tune.parallel=4"));
  }

  @Test
  void parallelZeroRunsOneTrialPerEngineThreadTest() {
    assertEquals(new TuneReport.Parallelism(3, 1), of("engine.threads=3", "tune.parallel=0"));
  }

  @Test
  void eachTrialEngineGetsItsShareTest() {
    var config =
        loader.load(
            null,
            Arrays.stream(new String[] {"engine.threads=6", "tune.parallel=2"})
                .map(ConfigOverride::parseSet)
                .toList());
    assertEquals(3, Parallelism.trialEngine(config).threads());
  }

  private TuneReport.Parallelism of(String... sets) {
    return Parallelism.of(
        loader.load(null, Arrays.stream(sets).map(ConfigOverride::parseSet).toList()));
  }
}
