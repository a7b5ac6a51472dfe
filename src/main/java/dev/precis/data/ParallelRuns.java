package dev.precis.data;

import dev.precis.PrecisException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs pieces of work on up to engine.threads threads of their own and gives back their results in
 * the order of the work, so that what is made of them does not depend on the number of threads.
 */
final class ParallelRuns {
  private ParallelRuns() {}

  /**
   * Each piece's result, in order; a single piece runs on the caller's thread.
   *
   * @param what what the work does, for the error of an interrupted run ("encoding rows")
   */
  static <T> List<T> all(List<Callable<T>> work, int threads, String what) {
    if (work.size() == 1 || threads <= 1) {
      List<T> results = new ArrayList<>();
      work.forEach(w -> results.add(call(w)));
      return results;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(threads, work.size()),
            r -> {
              Thread t = new Thread(r, "precis-data");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<T>> futures = new ArrayList<>();
      work.forEach(w -> futures.add(pool.submit(w)));
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(await(future, what));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static <T> T call(Callable<T> work) {
    try {
      return work.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> T await(Future<T> future, String what) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PrecisException(1, "interrupted while " + what, e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
