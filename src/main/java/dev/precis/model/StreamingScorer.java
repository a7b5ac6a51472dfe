package dev.precis.model;

import dev.precis.PrecisException;
import dev.precis.config.DataConfig;
import dev.precis.data.CsvHead;
import dev.precis.data.DataSource;
import dev.precis.data.FeatureTally;
import dev.precis.data.RecordParser;
import dev.precis.data.StreamedFile;
import dev.precis.data.TextBlock;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Scores a file of any size in constant memory on many threads. This thread cuts the file into
 * blocks; workers parse each block, have their {@link RowScorer} score its rows, and run {@code
 * finish} on it; results reach {@code sink} on this thread in file order, so the output does not
 * depend on the thread count. A file goes through the bundle's pipeline unless the prepared.json
 * beside it lists it as a part prep wrote with that pipeline; such a part must still have the bytes
 * prep wrote.
 */
public final class StreamingScorer {
  private final ModelBundle bundle;
  private final Path file;
  private final DataConfig data;
  private final int threads;
  private final Mode mode;
  private final boolean skipBadRows;
  private String segment;
  private int reasons;
  private FeatureTally drift;

  /** What else than the features a row must give. */
  public enum Mode {
    /** The target too (eval); rows whose target is missing are skipped. */
    LABELLED,
    /** The id column too, when the bundle has one (predict). */
    IDENTIFIED
  }

  /**
   * @param data how to read the file (delimiter, header)
   * @param skipBadRows count and skip rows that cannot be scored instead of failing
   */
  public StreamingScorer(
      ModelBundle bundle, Path file, DataConfig data, Mode mode, int threads, boolean skipBadRows) {
    this.bundle = bundle;
    this.file = file;
    this.data = data;
    this.mode = mode;
    this.threads = threads;
    this.skipBadRows = skipBadRows;
  }

  /** Gives each row its {@code count} strongest reasons (see {@link Reasons}); 0 for none. */
  public StreamingScorer explaining(int count) {
    this.reasons = count;
    return this;
  }

  /**
   * Has each scored row carry its value of a raw column along ({@link ScoredBlock#segments}), for
   * metrics by segment.
   *
   * @return this scorer
   */
  public StreamingScorer segmentedBy(String column) {
    this.segment = column;
    return this;
  }

  /**
   * Has each scored block count its rows per feature in the training bins ({@link
   * ScoredBlock#drift}), to be merged into a total; null counts nothing.
   *
   * @param bins an empty tally over the bundle's training bins ({@link ModelBundle#featureTally})
   * @return this scorer
   */
  public StreamingScorer measuringDrift(FeatureTally bins) {
    this.drift = bins;
    return this;
  }

  /**
   * Scores the whole file.
   *
   * @return the SHA-256 of the file's bytes, taken as they were read
   * @throws PrecisException (data) when the file is a prepared part of another pipeline, or one
   *     that changed since prep wrote it
   */
  public <R> String run(Function<ScoredBlock, R> finish, Consumer<R> sink) {
    ExecutorService workers =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "precis-score");
              t.setDaemon(true);
              return t;
            });
    try (StreamedFile input = DataSource.stream(file, data, bundle.pipeline())) {
      CsvHead head = input.head();
      boolean isPart = input.isPreparedPart();
      ThreadLocal<BlockWork> work = ThreadLocal.withInitial(() -> new BlockWork(head, isPart));
      new BlockWork(head, isPart); // fail fast, on this thread, if the file lacks a column
      ArrayDeque<Future<R>> window = new ArrayDeque<>();
      TextBlock block;
      while ((block = head.blocks().next()) != null) {
        TextBlock current = block;
        window.add(workers.submit(() -> finish.apply(work.get().score(current))));
        if (window.size() >= 2 * threads + 2) {
          sink.accept(await(window.poll()));
        }
      }
      while (!window.isEmpty()) {
        sink.accept(await(window.poll()));
      }
      return input.sha256();
    } finally {
      workers.shutdownNow();
    }
  }

  private static <R> R await(Future<R> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PrecisException(1, "interrupted while scoring", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new PrecisException(1, "scoring failed: " + e.getCause(), e.getCause());
    }
  }

  /** One worker's parser and row scorer. */
  private final class BlockWork {
    private final CsvHead head;
    private final RecordParser parser;
    private final RowScorer rows;
    private final boolean[] keep;
    private final String[] fields;

    BlockWork(CsvHead head, boolean prepared) {
      this.head = head;
      this.parser = new RecordParser(file, head.dialect());
      this.rows =
          new RowScorer(
              bundle,
              head.columns(),
              new RowScorer.Options(
                  file,
                  prepared,
                  mode == Mode.IDENTIFIED,
                  mode == Mode.LABELLED,
                  skipBadRows,
                  segment,
                  reasons));
      if (drift != null) {
        rows.measuringDrift(drift);
      }
      this.keep = rows.columnsRead();
      this.fields = new String[keep.length];
    }

    ScoredBlock score(TextBlock block) {
      parser.reset(block);
      int count;
      while ((count = parser.next(fields, keep)) >= 0) {
        head.checkFieldCount(count, parser.line());
        rows.add(parser.line(), fields);
      }
      return rows.score();
    }
  }
}
