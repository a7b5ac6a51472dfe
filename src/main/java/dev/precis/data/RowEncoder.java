package dev.precis.data;

import dev.precis.PrecisException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Applies a {@link FeaturePipeline} to the raw rows of one file, whose column order it has bound:
 * each step's encoder writes its features in turn. Not thread-safe: use one per thread.
 */
public final class RowEncoder implements RowEncoding {
  private final StepEncoder[] steps;
  private final List<String>[] stepColumns;
  private final int[] inputColumns;
  private final int featureCount;
  private final LabelReader labels;
  private final PersonalData personal;

  RowEncoder(FeaturePipeline pipeline, Path file, List<String> columns) {
    MissingValues missing = new MissingValues(pipeline.missingTokens());
    labels = new LabelReader(missing, pipeline.positive());
    personal = pipeline.pii();
    steps = new StepEncoder[pipeline.steps().size()];
    @SuppressWarnings("unchecked")
    List<String>[] names = new List[steps.length];
    stepColumns = names;
    Set<Integer> read = new LinkedHashSet<>();
    int first = 0;
    for (int s = 0; s < steps.length; s++) {
      ColumnStep step = pipeline.steps().get(s);
      int[] indices =
          step.inputColumns().stream()
              .mapToInt(name -> columnIndex(pipeline, file, columns, name))
              .toArray();
      for (int index : indices) {
        read.add(index);
      }
      steps[s] = step.encoder(indices, first, missing);
      stepColumns[s] = step.inputColumns();
      first += step.featureCount();
    }
    featureCount = first;
    inputColumns = read.stream().mapToInt(Integer::intValue).toArray();
  }

  private static int columnIndex(
      FeaturePipeline pipeline, Path file, List<String> columns, String name) {
    int index = columns.indexOf(name);
    if (index < 0) {
      PrecisException missing = CsvTable.missingColumn(file, name, "the model needs it", columns);
      // A part prep wrote has the features for columns; without its prepared.json it is raw.
      throw columns.containsAll(pipeline.featureNames())
          ? PrecisException.data(
              missing.getMessage()
                  + "; this looks like a part written by `precis prep`: keep prepared.json beside"
                  + " it")
          : missing;
    }
    return index;
  }

  @Override
  public int[] inputColumns() {
    return inputColumns.clone();
  }

  @Override
  public int featureCount() {
    return featureCount;
  }

  @Override
  public LabelReader labels() {
    return labels;
  }

  /**
   * Per column (columns joined by "+" for a step that reads several), the values met that the
   * training rows did not have: categorical levels encoded as "(other)" or as no level, and target
   * encoded levels given the prior. Hashed columns cannot tell. Columns with none are left out.
   */
  @Override
  public Map<String, Long> unseenByColumn() {
    Map<String, Long> unseen = new TreeMap<>();
    for (int s = 0; s < steps.length; s++) {
      long count = steps[s].unseenLevels();
      if (count > 0) {
        unseen.merge(String.join("+", stepColumns[s]), count, Long::sum);
      }
    }
    return unseen;
  }

  /** Says which table row the next {@link #encode} is, for steps that treat fitted rows apart. */
  void atRow(CsvTable table, int row) {
    for (StepEncoder step : steps) {
      step.atRow(table, row);
    }
  }

  @Override
  public void encode(String[] fields, SparseRows out) {
    try {
      for (StepEncoder step : steps) {
        step.encode(fields, out);
      }
    } catch (BadValue e) {
      out.dropRow();
      throw personal.hides(e.column()) ? e.withoutValue() : e;
    }
    out.endRow();
  }

  /** A raw value that cannot be encoded; the caller knows the file and line. */
  public static final class BadValue extends RuntimeException {
    private final String column;
    private final String value;
    private final String expected;

    /**
     * @param expected what the column holds, for the message: "column 'age' is numeric but holds
     *     'forty'"
     */
    public BadValue(String column, String value, String expected) {
      this(column, value, expected, "'" + value + "'");
    }

    private BadValue(String column, String value, String expected, String shown) {
      super("column '" + column + "' is " + expected + " but holds " + shown, null, false, false);
      this.column = column;
      this.value = value;
      this.expected = expected;
    }

    /** The same error, its message not showing the value: the column is personal (data.pii). */
    BadValue withoutValue() {
      return new BadValue(column, null, expected, PersonalData.NOT_SHOWN);
    }

    public String column() {
      return column;
    }

    public String value() {
      return value;
    }
  }
}
