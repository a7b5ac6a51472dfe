package dev.precis.model;

import dev.precis.PrecisException;
import dev.precis.config.DataConfig;
import dev.precis.data.CsvTable.CsvHead;
import dev.precis.data.DataFiles;
import dev.precis.data.LabelReader;
import dev.precis.data.LabelTally;
import dev.precis.data.PreparedManifest;
import dev.precis.data.RecordParser;
import dev.precis.data.RowEncoder;
import dev.precis.data.RowEncoding;
import dev.precis.data.TextBlock;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Scores a file of any size in constant memory on many threads. This thread cuts the file into
 * blocks; workers parse, encode and score each block and run {@code finish} on it; results reach
 * {@code sink} on this thread in file order, so the output does not depend on the thread count. A
 * file goes through the bundle's pipeline unless the prepared.json beside it lists it as a part
 * prep wrote with that pipeline; such a part must still have the bytes prep wrote.
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
  public StreamingScorer(
      ModelBundle bundle, Path file, DataConfig data, Mode mode, int threads, boolean skipBadRows) {
    this.bundle = bundle;
    this.file = file;
    this.data = data;
    this.mode = mode;
    this.threads = threads;
    this.skipBadRows = skipBadRows;
  }

  /**
   * Scores the whole file.
   *
   * @return the SHA-256 of the file's bytes, taken as they were read
   * @throws PrecisException (data) when the file is a prepared part of another pipeline, or one
   *     that changed since prep wrote it
   */
  public <R> String run(Function<ScoredBlock, R> finish, Consumer<R> sink) {
    Optional<PreparedManifest.Part> prepared = PreparedManifest.partFor(file, bundle.pipeline());
    java.security.MessageDigest digest = dev.precis.io.Sha256.newDigest();
    ExecutorService workers =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "precis-score");
              t.setDaemon(true);
              return t;
            });
    try (CsvHead head = CsvHead.open(file, data, digest)) {
      boolean isPart = prepared.isPresent();
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
    } finally {
      workers.shutdownNow();
    }
    String sha256 = dev.precis.io.Sha256.hex(digest);
    prepared.ifPresent(part -> PreparedManifest.checkUnchanged(file, part, sha256));
    return sha256;
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
    private final RowEncoding encoder;
    private final LabelReader labelReader;
    private final Scorer scorer;
    private final int idColumn;
    private final int targetColumn;
    private final String[] fields;
    private final boolean[] keep;
    private double[][] rows = new double[0][];
    private long[] lines = new long[0];
    private String[] ids = new String[0];
    private boolean[] labels = new boolean[0];

    BlockWork(CsvHead head, boolean prepared) {
      this.head = head;
      this.parser = new RecordParser(file, head.dialect().delimiter());
      this.encoder = RowEncoding.forFile(bundle.pipeline(), file, head.columns(), prepared);
      this.labelReader = encoder.labels();
      this.scorer = bundle.scorer();
      String id = bundle.pipeline().id();
      this.idColumn =
          mode == Mode.IDENTIFIED && id != null
              ? column(head, id, "data.id; the scores would not say whose they are")
              : -1;
      this.targetColumn =
          mode == Mode.LABELLED
              ? column(
                  head,
                  bundle.pipeline().target(),
                  "the target; eval needs labelled rows, predict scores unlabelled ones")
              : -1;
      this.fields = new String[head.columns().size()];
      this.keep = new boolean[fields.length];
      for (int c : encoder.inputColumns()) {
        keep[c] = true;
      }
      for (int c : new int[] {idColumn, targetColumn}) {
        if (c >= 0) {
          keep[c] = true;
        }
      }
    }

    private int column(CsvHead head, String name, String role) {
      int index = head.columns().indexOf(name);
      if (index < 0) {
        throw PrecisException.data(
            file
                + ":1: no column '"
                + name
                + "' ("
                + role
                + ")"
                + dev.precis.Nearest.hint(name, head.columns()));
      }
      return index;
    }

    ScoredBlock score(TextBlock block) {
      parser.reset(block);
      List<String> skipped = new ArrayList<>();
      LabelTally labelValues = new LabelTally(labelReader.positive());
      long unseenBefore = encoder.unseenLevels();
      int n = 0;
      int count;
      while ((count = parser.next(fields, keep)) >= 0) {
        head.checkFieldCount(count, parser.line());
        String label = targetColumn >= 0 ? labelReader.value(fields[targetColumn]) : null;
        if (targetColumn >= 0 && label == null) {
          skipped.add(parser.line() + ": no label");
          continue;
        }
        ensureCapacity(n + 1);
        try {
          encoder.encode(fields, rows[n]);
        } catch (RowEncoder.BadValue e) {
          if (!skipBadRows) {
            throw DataFiles.error(
                file,
                parser.line(),
                e.getMessage()
                    + "; fix the value, or score the rest with --set predict.bad_rows=skip");
          }
          skipped.add(parser.line() + ": " + e.getMessage());
          continue;
        }
        lines[n] = parser.line();
        if (idColumn >= 0) {
          ids[n] = fields[idColumn];
        }
        if (targetColumn >= 0) {
          labels[n] = labelReader.isPositive(label);
          labelValues.add(label);
        }
        n++;
      }
      double[] scores = new double[n];
      scorer.score(rows, n, scores);
      return new ScoredBlock(
          idColumn >= 0 ? Arrays.copyOf(ids, n) : null,
          scores,
          targetColumn >= 0 ? Arrays.copyOf(labels, n) : null,
          targetColumn >= 0 ? labelValues : null,
          Arrays.copyOf(lines, n),
          n,
          skipped,
          encoder.unseenLevels() - unseenBefore);
    }

    /** Rows, lines, ids and labels are buffers this worker reuses block after block. */
    private void ensureCapacity(int size) {
      if (size <= rows.length) {
        return;
      }
      int capacity = Math.max(size, rows.length * 2);
      int old = rows.length;
      rows = Arrays.copyOf(rows, capacity);
      for (int i = old; i < capacity; i++) {
        rows[i] = new double[encoder.featureCount()];
      }
      lines = Arrays.copyOf(lines, capacity);
      ids = Arrays.copyOf(ids, capacity);
      labels = Arrays.copyOf(labels, capacity);
    }
  }
}
