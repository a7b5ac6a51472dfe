package dev.precis.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeded assignments of rows to parts. Stratified assignments shuffle the positives and the
 * negatives apart, so every part keeps the overall positive rate. Indices within a part are in file
 * order.
 *
 * @param train indices of the training rows
 * @param valid indices of the validation rows
 * @param test indices of the test rows
 */
public record Splits(int[] train, int[] valid, int[] test) {

  /** Holds out {@code validShare} and {@code testShare} of the rows; the rest trains. */
  public static Splits holdout(
      boolean[] labels, double validShare, double testShare, boolean stratify, long seed) {
    return holdout(strata(labels, null), validShare, testShare, stratify, seed);
  }

  /**
   * Holds out shares of an experiment's rows, stratified by arm and outcome together, so every part
   * keeps each arm's size and response rate.
   *
   * @param treated whether each row is in the treated arm
   */
  public static Splits holdout(
      boolean[] labels,
      boolean[] treated,
      double validShare,
      double testShare,
      boolean stratify,
      long seed) {
    return holdout(strata(labels, treated), validShare, testShare, stratify, seed);
  }

  private static Splits holdout(
      int[] strata, double validShare, double testShare, boolean stratify, long seed) {
    List<int[]> groups = groups(strata, stratify, seed);
    List<Integer> train = new ArrayList<>();
    List<Integer> valid = new ArrayList<>();
    List<Integer> test = new ArrayList<>();
    for (int[] group : groups) {
      int nValid = (int) Math.round(group.length * validShare);
      int nTest = (int) Math.round(group.length * testShare);
      for (int i = 0; i < group.length; i++) {
        (i < nValid ? valid : i < nValid + nTest ? test : train).add(group[i]);
      }
    }
    return new Splits(sorted(train), sorted(valid), sorted(test));
  }

  /** Each row's cell: 0 for a positive, 1 for a negative, plus 2 in the treated arm. */
  private static int[] strata(boolean[] labels, boolean[] treated) {
    int[] cells = new int[labels.length];
    for (int i = 0; i < labels.length; i++) {
      cells[i] = (labels[i] ? 0 : 1) + (treated != null && treated[i] ? 2 : 0);
    }
    return cells;
  }

  /**
   * K folds for cross-validation: element k holds the indices of fold k's validation rows.
   * Stratified, so each fold has the overall positive rate.
   */
  public static int[][] folds(boolean[] labels, int k, long seed) {
    return folds(labels, null, k, seed);
  }

  /**
   * K folds of an experiment's rows, stratified by arm and outcome together, so each fold keeps
   * each arm's size and response rate.
   *
   * @param treated whether each row is in the treated arm; null stratifies by outcome alone
   */
  public static int[][] folds(boolean[] labels, boolean[] treated, int k, long seed) {
    List<List<Integer>> folds = new ArrayList<>();
    for (int f = 0; f < k; f++) {
      folds.add(new ArrayList<>());
    }
    int next = 0;
    for (int[] group : groups(strata(labels, treated), true, seed)) {
      for (int index : group) {
        folds.get(next).add(index);
        next = (next + 1) % k;
      }
    }
    return folds.stream().map(Splits::sorted).toArray(int[][]::new);
  }

  /** The indices 0..n-1 in a seeded random order. */
  public static int[] permutation(int n, long seed) {
    int[] all = new int[n];
    Arrays.setAll(all, i -> i);
    return shuffled(all, new Random(seed));
  }

  /** Every index in [0, n) that is not in {@code excluded} (which must be sorted). */
  public static int[] complement(int n, int[] excluded) {
    int[] rest = new int[n - excluded.length];
    int e = 0;
    int r = 0;
    for (int i = 0; i < n; i++) {
      if (e < excluded.length && excluded[e] == i) {
        e++;
      } else {
        rest[r++] = i;
      }
    }
    return rest;
  }

  /** The rows of each cell (in cell order), or all rows as one group, each group shuffled. */
  private static List<int[]> groups(int[] strata, boolean stratify, long seed) {
    Random random = new Random(seed);
    List<int[]> groups = new ArrayList<>();
    if (stratify) {
      int cells = Arrays.stream(strata).max().orElse(0) + 1;
      for (int cell = 0; cell < cells; cell++) {
        groups.add(shuffled(indices(strata, cell), random));
      }
    } else {
      int[] all = new int[strata.length];
      Arrays.setAll(all, i -> i);
      groups.add(shuffled(all, random));
    }
    return groups;
  }

  /** How many of the labels are positive. */
  public static long positives(boolean[] labels) {
    long n = 0;
    for (boolean label : labels) {
      if (label) {
        n++;
      }
    }
    return n;
  }

  private static int[] indices(int[] strata, int value) {
    int[] out = new int[strata.length];
    int n = 0;
    for (int i = 0; i < strata.length; i++) {
      if (strata[i] == value) {
        out[n++] = i;
      }
    }
    return Arrays.copyOf(out, n);
  }

  private static int[] shuffled(int[] values, Random random) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = values[i];
      values[i] = values[j];
      values[j] = swap;
    }
    return values;
  }

  private static int[] sorted(List<Integer> values) {
    return values.stream().mapToInt(Integer::intValue).sorted().toArray();
  }
}
