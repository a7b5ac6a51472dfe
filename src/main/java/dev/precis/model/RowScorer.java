package dev.precis.model;

import dev.precis.PrecisException;
import dev.precis.data.DataFiles;
import dev.precis.data.FeatureTally;
import dev.precis.data.LabelReader;
import dev.precis.data.LabelTally;
import dev.precis.data.MissingValues;
import dev.precis.data.RowEncoder;
import dev.precis.data.RowEncoding;
import dev.precis.data.SparseRows;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Scores rows given as their fields, wherever they come from: a file ({@link StreamingScorer}), a
 * Spark partition, a server's request. Built for the column names of the rows it will get, it reads
 * the features through the bundle's pipeline and turns each row into a score, or into a reason to
 * skip it ("no label", "column 'age' is numeric but holds 'abc'"), with the row's id and label when
 * asked. Rows are scored in batches, which models score faster: {@link #add} them, then {@link
 * #score()}; {@link #scoreRow} scores one on its own. Not thread-safe: one per thread.
 */
public final class RowScorer {
  private final Options options;
  private final RowEncoding encoder;
  private final LabelReader labelReader;
  private final Scorer scorer;
  private final int idColumn;
  private final int targetColumn;
  private final int segmentColumn;
  private final MissingValues missing;
  private final boolean[] read;
  private final UnaryOperator<String>[] changes;
  private final SparseRows rows;
  private final SparseRows one;
  private final Reasons reasons;
  private String[][] values = new String[16][];
  private long[] lines = new long[16];
  private String[] ids = new String[16];
  private String[] segments = new String[16];
  private boolean[] labels = new boolean[16];
  private LabelTally labelValues;
  private List<String> skipped = new ArrayList<>();
  private Map<String, Long> unseenBefore = Map.of();
  private FeatureTally drift;

  /**
   * What the rows hold besides the features, and what to do with one that cannot be encoded.
   *
   * @param source names where the rows come from in messages: their file, or any name
   * @param prepared the rows are a part `prep` wrote, whose columns are the features
   * @param ids read the bundle's id column (data.id), when it has one
   * @param labels read the target; a row without one is skipped
   * @param skipBadRows skip a row that cannot be encoded, with its reason, instead of failing
   * @param segment a raw column whose value each scored row carries along (eval --by), or null
   * @param reasons the strongest reasons to give per row (see {@link Reasons}); 0 for none
   */
  public record Options(
      Path source,
      boolean prepared,
      boolean ids,
      boolean labels,
      boolean skipBadRows,
      String segment,
      int reasons) {
    /** Options that carry no segment column and give no reasons. */
    public Options(
        Path source, boolean prepared, boolean ids, boolean labels, boolean skipBadRows) {
      this(source, prepared, ids, labels, skipBadRows, null, 0);
    }
  }

  /**
   * One row's result.
   *
   * @param id the row's id, or null when not asked for
   * @param label the row's target value as written, or null when not asked for or skipped
   * @param score the probability of a response; NaN when skipped
   * @param skipped why the row was not scored, or null
   */
  public record Outcome(String id, String label, double score, String skipped) {}

  /**
   * @param columns the names of the rows' fields, in order
   * @throws PrecisException (data) when a column the model or the options need is not among them
   */
  public RowScorer(ModelBundle bundle, List<String> columns, Options options) {
    this.options = options;
    this.encoder =
        RowEncoding.forFile(bundle.pipeline(), options.source(), columns, options.prepared());
    this.labelReader = encoder.labels();
    this.scorer = bundle.scorer();
    String id = bundle.pipeline().id();
    this.idColumn =
        options.ids() && id != null
            ? column(columns, id, "data.id; the scores would not say whose they are")
            : -1;
    this.targetColumn =
        options.labels()
            ? column(
                columns,
                bundle.pipeline().target(),
                "the target; eval needs labelled rows, predict scores unlabelled ones")
            : -1;
    this.segmentColumn =
        options.segment() != null
            ? column(columns, options.segment(), segmentRole(bundle, options.segment()))
            : -1;
    this.missing = new MissingValues(bundle.pipeline().missingTokens());
    this.read = new boolean[columns.size()];
    for (int c : encoder.inputColumns()) {
      read[c] = true;
    }
    for (int c : new int[] {idColumn, targetColumn, segmentColumn}) {
      if (c >= 0) {
        read[c] = true;
      }
    }
    this.reasons = options.reasons() > 0 ? new Reasons(bundle, options.reasons(), columns) : null;
    this.rows = new SparseRows(encoder.featureCount());
    this.one = new SparseRows(encoder.featureCount());
    this.labelValues = new LabelTally(labelReader.positive());
    // a prepared part holds features; raw rows have their personal columns changed as training did
    this.changes =
        bundle.pipeline().pii().changes(options.prepared() ? List.of() : columns, missing);
  }

  /** The row as training saw it: personal fields hashed, masked or blanked; a copy if changed. */
  private String[] personal(String[] fields) {
    String[] changed = fields;
    for (int c = 0; c < changes.length; c++) {
      if (changes[c] != null && fields[c] != null) {
        if (changed == fields) {
          changed = fields.clone();
        }
        changed[c] = changes[c].apply(fields[c]);
      }
    }
    return changed;
  }

  /** What the segment column is for, in a message: an uplift model's arms, or eval --by. */
  private static String segmentRole(ModelBundle bundle, String segment) {
    return bundle.manifest().task() instanceof UpliftTask uplift
            && uplift.treatment().equals(segment)
        ? "data.treatment, each row's arm; uplift is measured on rows of both arms"
        : "eval --by";
  }

  private int column(List<String> columns, String name, String role) {
    int index = columns.indexOf(name);
    if (index < 0) {
      throw PrecisException.data(
          options.source()
              + ":1: no column '"
              + name
              + "' ("
              + role
              + ")"
              + dev.precis.Nearest.hint(name, columns));
    }
    return index;
  }

  /**
   * Has each block count its rows per feature in the training bins ({@link ScoredBlock#drift}).
   *
   * @param bins an empty tally over the bundle's training bins
   * @return this scorer
   */
  public RowScorer measuringDrift(FeatureTally bins) {
    this.drift = bins;
    return this;
  }

  /** Which fields it reads: a row's other fields may be null. */
  public boolean[] columnsRead() {
    return read.clone();
  }

  /**
   * Adds a row to the batch, or skips it with its reason.
   *
   * @param line where the row is, for messages: the file line it starts on, or its position
   * @return false when the row is skipped
   * @throws PrecisException (data) when the row cannot be encoded and bad rows are not skipped
   */
  public boolean add(long line, String[] raw) {
    String[] fields = personal(raw);
    int n = rows.rows();
    String why = encode(line, fields, rows);
    if (why != null) {
      skipped.add(line + ": " + why);
      return false;
    }
    if (n == lines.length) {
      lines = Arrays.copyOf(lines, 2 * n);
      ids = Arrays.copyOf(ids, 2 * n);
      segments = Arrays.copyOf(segments, 2 * n);
      labels = Arrays.copyOf(labels, 2 * n);
      values = Arrays.copyOf(values, 2 * n);
    }
    if (reasons != null) {
      values[n] = reasons.values(fields);
    }
    lines[n] = line;
    if (idColumn >= 0) {
      ids[n] = fields[idColumn];
    }
    if (segmentColumn >= 0) {
      String value = fields[segmentColumn];
      segments[n] = value == null || missing.isMissing(value) ? null : value.strip();
    }
    if (targetColumn >= 0) {
      String label = labelReader.value(fields[targetColumn]);
      labels[n] = labelReader.isPositive(label);
      labelValues.add(label);
    }
    return true;
  }

  /** Scores the rows added since the last call, with those skipped meanwhile; starts anew. */
  public ScoredBlock score() {
    int n = rows.rows();
    double[] scores = new double[n];
    double[] treated = null;
    double[] control = null;
    if (scorer instanceof UpliftScorer uplift && uplift.hasArms()) {
      // each arm's probability once, the uplift their difference
      treated = new double[n];
      control = new double[n];
      uplift.arms(rows, n, treated, control);
      for (int i = 0; i < n; i++) {
        scores[i] = treated[i] - control[i];
      }
    } else {
      scorer.score(rows, n, scores);
    }
    Map<String, Long> unseen = encoder.unseenByColumn();
    Map<String, Long> since = new TreeMap<>();
    unseen.forEach(
        (column, count) -> {
          long added = count - unseenBefore.getOrDefault(column, 0L);
          if (added > 0) {
            since.put(column, added);
          }
        });
    ScoredBlock block =
        new ScoredBlock(
            idColumn >= 0 ? Arrays.copyOf(ids, n) : null,
            scores,
            targetColumn >= 0 ? Arrays.copyOf(labels, n) : null,
            targetColumn >= 0 ? labelValues : null,
            Arrays.copyOf(lines, n),
            n,
            skipped,
            since,
            segmentColumn >= 0 ? Arrays.copyOf(segments, n) : null,
            reasons == null ? null : reasons.of(rows, n, values),
            drift == null ? null : counted(n),
            treated,
            control);
    rows.clear();
    skipped = new ArrayList<>();
    labelValues = new LabelTally(labelReader.positive());
    unseenBefore = unseen;
    return block;
  }

  private FeatureTally counted(int n) {
    FeatureTally tally = drift.empty();
    tally.add(rows, n);
    return tally;
  }

  /**
   * Scores one row on its own, apart from the batch.
   *
   * @param line where the row is, for messages
   * @throws PrecisException (data) when the row cannot be encoded and bad rows are not skipped
   */
  public Outcome scoreRow(long line, String[] raw) {
    String[] fields = personal(raw);
    String id = idColumn >= 0 ? fields[idColumn] : null;
    String why = encode(line, fields, one);
    if (why != null) {
      return new Outcome(id, null, Double.NaN, why);
    }
    double[] score = new double[1];
    scorer.score(one, 1, score);
    one.clear();
    String label = targetColumn >= 0 ? labelReader.value(fields[targetColumn]) : null;
    return new Outcome(id, label, score[0], null);
  }

  /** Appends the row's features to {@code out}; or, leaving it as it was, says why not. */
  private String encode(long line, String[] fields, SparseRows out) {
    if (targetColumn >= 0 && labelReader.value(fields[targetColumn]) == null) {
      return "no label";
    }
    try {
      encoder.encode(fields, out);
      return null;
    } catch (RowEncoder.BadValue e) {
      if (!options.skipBadRows()) {
        throw DataFiles.error(
            options.source(),
            line,
            e.getMessage() + "; fix the value, or score the rest with --set predict.bad_rows=skip");
      }
      return e.getMessage();
    }
  }
}
