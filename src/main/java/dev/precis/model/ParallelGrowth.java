package dev.precis.model;

import dev.precis.PrecisException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Grows the parts of a forest (trees, or groups of trees) on a pool of threads and keeps them in
 * the order they were asked for: each part has its own seed, so the forest does not depend on the
 * thread count.
 */
final class ParallelGrowth {
  private ParallelGrowth() {}

  /**
   * @param forest what is grown, as error messages name it ("the forest")
   * @return each part's result, in the order of {@code parts}
   * @throws PrecisException (engine failure) when a part fails with a checked exception or the
   *     thread is interrupted; a part's unchecked exception is thrown as it is
   */
  static <T> List<T> inOrder(List<Callable<T>> parts, int threads, String forest) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, parts.size()));
    try {
      List<Future<T>> grown = new ArrayList<>();
      for (Callable<T> part : parts) {
        grown.add(pool.submit(part));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> part : grown) {
        results.add(part.get());
      }
      return results;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw new PrecisException(1, forest + "'s trees could not be grown", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PrecisException(1, "interrupted while growing " + forest, e);
    } finally {
      pool.shutdownNow();
    }
  }
}
