package dev.precis.tune;

import dev.precis.PrecisException;
import dev.precis.report.TuneReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs batches of candidates, a few at once, and keeps count. A trial the journal already holds is
 * taken from it; every other finished trial is appended to it. Once the time budget has run out no
 * trial starts, and running ones stop at their next fold (provided one trial has finished, so that
 * there is a best).
 */
final class TrialRunner implements AutoCloseable {
  private final CrossValidation validation;
  private final Journal journal;
  private final ExecutorService pool;
  private final long start = System.nanoTime();
  private final Long deadline;
  private final Consumer<Tuner.Progress> progress;
  private int planned;
  private int done;
  private int ranHere;
  private int resumed;
  private boolean outOfTime;
  private TuneReport.Trial best;

  TrialRunner(
      CrossValidation validation,
      Journal journal,
      int parallel,
      Duration budget,
      Consumer<Tuner.Progress> progress) {
    this.validation = validation;
    this.journal = journal;
    this.pool = Executors.newFixedThreadPool(parallel);
    this.deadline = budget == null ? null : start + budget.toNanos();
    this.progress = progress;
  }

  /** Tells the runner how many trials the whole search plans, for progress. */
  void plan(int trials) {
    planned = trials;
  }

  int planned() {
    return planned;
  }

  /** Whether the time budget stopped the search. */
  synchronized boolean outOfTime() {
    return outOfTime;
  }

  synchronized int resumed() {
    return resumed;
  }

  /** The finished trials of the batch, in batch order; fewer than asked when time ran out. */
  List<TuneReport.Trial> run(List<Candidate> batch) {
    List<Future<Optional<TuneReport.Trial>>> futures = new ArrayList<>();
    for (Candidate candidate : batch) {
      futures.add(pool.submit(() -> trial(candidate)));
    }
    List<TuneReport.Trial> finished = new ArrayList<>();
    try {
      for (Future<Optional<TuneReport.Trial>> future : futures) {
        future.get().ifPresent(finished::add);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PrecisException(1, "interrupted while tuning", e);
    } catch (ExecutionException e) {
      futures.forEach(f -> f.cancel(true));
      throw e.getCause() instanceof RuntimeException runtime
          ? runtime
          : new PrecisException(1, "a trial failed: " + e.getCause(), e);
    }
    return finished;
  }

  private Optional<TuneReport.Trial> trial(Candidate candidate) {
    Optional<TuneReport.Trial> journalled = journal.finished(candidate.number());
    if (journalled.isPresent()) {
      record(journalled.get(), true);
      return journalled;
    }
    if (stopping()) {
      return Optional.empty();
    }
    try {
      TuneReport.Trial trial = validation.evaluate(candidate, this::stopping);
      journal.append(trial);
      record(trial, false);
      return Optional.of(trial);
    } catch (CrossValidation.Cancelled e) {
      return Optional.empty();
    }
  }

  /** True once the budget has run out and there is a trial to show for it. */
  private synchronized boolean stopping() {
    if (deadline != null && System.nanoTime() - deadline >= 0 && done > 0) {
      outOfTime = true;
    }
    return outOfTime;
  }

  private synchronized void record(TuneReport.Trial trial, boolean fromJournal) {
    done++;
    if (fromJournal) {
      resumed++;
    } else {
      ranHere++;
    }
    if (best == null || Ranking.ORDER.compare(trial, best) < 0) {
      best = trial;
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    double eta = ranHere == 0 ? Double.NaN : elapsed / ranHere * Math.max(0, planned - done);
    if (deadline != null) {
      eta =
          Math.min(
              Double.isNaN(eta) ? Double.MAX_VALUE : eta, (deadline - System.nanoTime()) / 1e9);
      eta = Math.max(0, eta);
    }
    progress.accept(new Tuner.Progress(done, planned, best, elapsed, eta));
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
