package dev.precis.model;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Work started on a daemon thread of its own, whose result the caller takes when it needs it; or
 * done there and then when there is one thread to use. Not the common fork-join pool: a fit may run
 * while tune's trials fill it.
 */
final class Background {
  private Background() {}

  /**
   * Starts {@code work}; the supplier returned waits for its result and throws what it threw.
   *
   * @param apart whether to run it on a thread of its own rather than now, on this one
   */
  static <T> Supplier<T> start(boolean apart, Supplier<T> work) {
    if (!apart) {
      T result = work.get();
      return () -> result;
    }
    CompletableFuture<T> future = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                future.complete(work.get());
              } catch (RuntimeException | Error e) {
                future.completeExceptionally(e);
              }
            },
            "precis-background");
    thread.setDaemon(true);
    thread.start();
    return () -> {
      try {
        return future.join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException cause) {
          throw cause;
        }
        throw (Error) e.getCause();
      }
    };
  }
}
