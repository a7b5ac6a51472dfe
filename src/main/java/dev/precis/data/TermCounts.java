package dev.precis.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * What a text step learns from its training rows: per term, the rows holding it; and each row's
 * terms in the order met, so that the rows can then be encoded without splitting their texts again
 * ({@link FittedTerms}). Rows are counted in order, each once.
 */
final class TermCounts implements TextTerms.Sink {
  /**
   * The most term occurrences kept for the fitted rows, 64 MB; beyond it, the rows' texts are split
   * again when encoded, rather than hold that much more memory through the model's fit.
   */
  static final int MOST_KEPT = 1 << 24;

  private final TermTable table;
  // per term: the rows holding it, and the last row that counted it plus 1 (0 for none yet)
  private int[] rows;
  private int[] last;
  // per row: where its terms start in met; then where the last row's end
  private final int[] starts;
  private int[] met = new int[4096];
  private int size;
  private final int mostKept;
  private boolean keeping = true;
  private int row;

  /**
   * Counts for {@code rowCount} rows, keeping their terms up to {@code mostKept} occurrences.
   *
   * @param expected how many distinct terms to make room for before growing
   */
  TermCounts(int rowCount, int mostKept, int expected) {
    starts = new int[rowCount + 1];
    this.mostKept = mostKept;
    table = new TermTable(expected);
    rows = new int[Math.max(16, expected)];
    last = new int[rows.length];
  }

  /** Counts row {@code i}'s terms; null for a missing text, which holds none. */
  void count(int i, String text, TextTerms analyzer) {
    row = i;
    if (text != null) {
      analyzer.forEach(text, this);
    }
    starts[i + 1] = size;
  }

  @Override
  public void accept(char[] chars, int length) {
    int id = table.add(chars, length);
    if (id == rows.length) {
      rows = Arrays.copyOf(rows, 2 * id);
      last = Arrays.copyOf(last, 2 * id);
    }
    if (last[id] != row + 1) {
      rows[id]++;
      last[id] = row + 1;
    }
    if (keeping && size == Math.min(met.length, mostKept)) {
      keeping = size < mostKept;
      met = keeping ? Arrays.copyOf(met, Math.min(2 * size, mostKept)) : null;
    }
    if (keeping) {
      met[size++] = id;
    }
  }

  /**
   * The terms kept, sorted, with the rows holding each and, per counted term, its feature.
   *
   * @param terms sorted
   * @param rows the training rows holding each kept term
   * @param feature per counted term, its position in {@code terms}, or -1 when not kept
   */
  record Kept(List<String> terms, int[] rows, int[] feature) {}

  /**
   * The terms held by at least {@code minCount} rows, the {@code maxFeatures} held by most rows
   * when there are more (ties by term), sorted by term.
   */
  Kept kept(int minCount, int maxFeatures) {
    List<Term> frequent = new ArrayList<>();
    for (int id = 0; id < table.size(); id++) {
      if (rows[id] >= minCount) {
        frequent.add(new Term(table.term(id), rows[id], id));
      }
    }
    Term[] kept = frequent.toArray(new Term[0]);
    if (kept.length > maxFeatures) {
      Arrays.sort(kept, Term.byRows());
      kept = Arrays.copyOf(kept, maxFeatures);
    }
    Arrays.sort(kept);
    List<String> terms = new ArrayList<>(kept.length);
    int[] keptRows = new int[kept.length];
    int[] feature = new int[table.size()];
    Arrays.fill(feature, -1);
    for (int t = 0; t < kept.length; t++) {
      terms.add(kept[t].text());
      keptRows[t] = kept[t].rows();
      feature[kept[t].id()] = t;
    }
    return new Kept(terms, keptRows, feature);
  }

  /**
   * The counted rows' terms as features, by table row; null when there were too many to keep.
   *
   * @param column the column counted, row for row
   */
  FittedTerms fitted(TrainingColumn column, Kept kept) {
    if (!keeping) {
      return null;
    }
    int n = starts.length - 1;
    long[] byTableRow = new long[n];
    for (int i = 0; i < n; i++) {
      byTableRow[i] = (long) column.row(i) << 32 | i;
    }
    // rows counted in table order, as a split's training rows are, need no sort
    if (!ascending(byTableRow)) {
      Arrays.sort(byTableRow);
    }
    int[] tableRows = new int[n];
    int[] rowStarts = new int[n + 1];
    int[] features = new int[size];
    int at = 0;
    for (int j = 0; j < n; j++) {
      int i = (int) byTableRow[j];
      tableRows[j] = (int) (byTableRow[j] >>> 32);
      rowStarts[j] = at;
      for (int k = starts[i]; k < starts[i + 1]; k++) {
        features[at++] = kept.feature()[met[k]];
      }
    }
    rowStarts[n] = at;
    return new FittedTerms(column.table(), tableRows, rowStarts, features);
  }

  private static boolean ascending(long[] values) {
    for (int i = 1; i < values.length; i++) {
      if (values[i] < values[i - 1]) {
        return false;
      }
    }
    return true;
  }

  /** A counted term, the rows holding it, and its number in the table. */
  private record Term(String text, int rows, int id) implements Comparable<Term> {
    /** Most rows first, then by text; made when a fit asks, as few do. */
    static Comparator<Term> byRows() {
      return Comparator.comparingInt(Term::rows).reversed().thenComparing(Term::text);
    }

    @Override
    public int compareTo(Term other) {
      return text.compareTo(other.text);
    }
  }
}
