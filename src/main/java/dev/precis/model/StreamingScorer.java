package dev.precis.model;

import dev.precis.PrecisException;
import dev.precis.config.DataConfig;
import dev.precis.data.CsvTable.CsvHead;
import dev.precis.data.DataFiles;
import dev.precis.data.MissingValues;
import dev.precis.data.RecordParser;
import dev.precis.data.RowEncoder;
import dev.precis.data.TextBlock;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Scores a file of any size in constant memory on many threads. This thread cuts the file into
 * blocks; workers parse, encode and score each block and run {@code finish} on it; results reach
 * {@code sink} on this thread in file order, so the output does not depend on the thread count.
 */
public final class StreamingScorer {
  private final ModelBundle bundle;
  private final Path file;
  private final DataConfig data;
  private final int threads;
  private final Mode mode;
  private final boolean skipBadRows;

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
  public StreamingScorer(ModelBundle bundle, Path file, DataConfig data, Mode mode, int threads, boolean skipBadRows) {
    this.bundle = bundle;
    this.file = file;
    this.data = data;
    this.mode = mode;
    this.threads = threads;
    this.skipBadRows = skipBadRows;
  }

  /** Scores the whole file. */
  public <R> void run(Function<ScoredBlock, R> finish, Consumer<R> sink) {
    ExecutorService workers = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "precis-score");
      t.setDaemon(true);
      return t;
    });
    try (CsvHead head = CsvHead.open(file, data)) {
      ThreadLocal<BlockWork> work = ThreadLocal.withInitial(() -> new BlockWork(head));
      new BlockWork(head); // fail fast, on this thread, if the file lacks a column
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

  /** One worker's parser, encoder and buffers. */
  private final class BlockWork {
    private final CsvHead head;
    private final RecordParser parser;
    private final RowEncoder encoder;
    private final MissingValues missing;
    private final Scorer scorer;
    private final int idColumn;
    private final int targetColumn;
    private final String[] fields;

    BlockWork(CsvHead head) {
      this.head = head;
      this.parser = new RecordParser(file, head.dialect().delimiter());
      this.encoder = bundle.pipeline().encoder(file, head.columns());
      this.missing = new MissingValues(bundle.pipeline().missingTokens());
      this.scorer = bundle.scorer();
      String id = bundle.pipeline().id();
      this.idColumn = mode == Mode.IDENTIFIED && id != null ? column(head, id, "data.id; the scores would not say whose they are") : -1;
      this.targetColumn = mode == Mode.LABELLED
          ? column(head, bundle.pipeline().target(), "the target; eval needs labelled rows, predict scores unlabelled ones") : -1;
      this.fields = new String[head.columns().size()];
    }

    private int column(CsvHead head, String name, String role) {
      int index = head.columns().indexOf(name);
      if (index < 0) {
        throw PrecisException.data(file + ":1: no column '" + name + "' (" + role + ")"
            + dev.precis.Nearest.hint(name, head.columns()));
      }
      return index;
    }

    ScoredBlock score(TextBlock block) {
      parser.reset(block);
      List<double[]> rows = new ArrayList<>();
      List<String> ids = new ArrayList<>();
      List<Boolean> labels = new ArrayList<>();
      List<Long> lines = new ArrayList<>();
      List<String> skipped = new ArrayList<>();
      long unseenBefore = encoder.unseenLevels();
      int count;
      while ((count = parser.next(fields)) >= 0) {
        head.checkFieldCount(count, parser.line());
        if (targetColumn >= 0 && missing.isMissing(fields[targetColumn])) {
          skipped.add(parser.line() + ": no label");
          continue;
        }
        double[] x = new double[encoder.featureCount()];
        try {
          encoder.encode(fields, x);
        } catch (RowEncoder.BadValue e) {
          if (!skipBadRows) {
            throw DataFiles.error(file, parser.line(), e.getMessage()
                + "; fix the value, or score the rest with --set predict.bad_rows=skip");
          }
          skipped.add(parser.line() + ": " + e.getMessage());
          continue;
        }
        rows.add(x);
        lines.add(parser.line());
        if (idColumn >= 0) {
          ids.add(fields[idColumn]);
        }
        if (targetColumn >= 0) {
          labels.add(fields[targetColumn].strip().equals(bundle.pipeline().positive()));
        }
      }
      int n = rows.size();
      double[] scores = new double[n];
      scorer.score(rows.toArray(new double[0][]), n, scores);
      boolean[] labelArray = null;
      if (targetColumn >= 0) {
        labelArray = new boolean[n];
        for (int i = 0; i < n; i++) {
          labelArray[i] = labels.get(i);
        }
      }
      return new ScoredBlock(idColumn >= 0 ? ids.toArray(new String[0]) : null, scores, labelArray,
          lines.stream().mapToLong(Long::longValue).toArray(), n, skipped, encoder.unseenLevels() - unseenBefore);
    }
  }
}
