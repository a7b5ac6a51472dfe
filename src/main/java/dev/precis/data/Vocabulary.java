package dev.precis.data;

import dev.precis.PrecisException;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.RandomAccess;

/**
 * A text step's kept terms, in order, with a table from a term's characters to its position. The
 * table is built once with the list and only read after, so every thread's encoder shares it: a
 * table per encoder was built again for every run of rows. The features' names are made once too.
 */
final class Vocabulary extends AbstractList<String> implements RandomAccess {
  private final String[] terms;
  private final TermTable index;
  private volatile Named named;

  /** The terms as features of a column. */
  private record Named(String column, List<String> names) {}

  private Vocabulary(List<String> terms) {
    this.terms = terms.toArray(new String[0]);
    index = new TermTable(this.terms.length);
    for (int t = 0; t < this.terms.length; t++) {
      if (index.add(this.terms[t].toCharArray(), this.terms[t].length()) != t) {
        throw PrecisException.data("the text vocabulary lists '" + this.terms[t] + "' twice");
      }
    }
  }

  /** The terms as a vocabulary; the list itself when it is one already. */
  static Vocabulary of(List<String> terms) {
    return terms instanceof Vocabulary vocabulary ? vocabulary : new Vocabulary(terms);
  }

  /** The position of the term held by the first {@code length} chars of {@code key}, or -1. */
  int find(char[] key, int length) {
    return index.find(key, length);
  }

  /**
   * The terms as the features of column {@code column}, "column:term", made once: a pipeline asks
   * for its features' names many times.
   */
  List<String> featureNames(String column) {
    Named last = named;
    if (last == null || !last.column().equals(column)) {
      List<String> names = new ArrayList<>(terms.length);
      StringBuilder name = new StringBuilder(column).append(':');
      int prefix = name.length();
      for (String term : terms) {
        name.setLength(prefix);
        names.add(name.append(term).toString());
      }
      last = new Named(column, Collections.unmodifiableList(names));
      named = last;
    }
    return last.names();
  }

  @Override
  public String get(int position) {
    return terms[position];
  }

  @Override
  public int size() {
    return terms.length;
  }
}
