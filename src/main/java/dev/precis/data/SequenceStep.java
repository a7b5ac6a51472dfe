package dev.precis.data;

import dev.precis.config.PrepConfig;
import dev.precis.config.TextConfig;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * A text column as its tokens (see {@link TextTerms#tokens}) in order, each as its index in a
 * vocabulary, for the models that read a text as a sequence (an LSTM, an embedding bag). Feature
 * "message@k" holds the k-th token's index: 2 for the most frequent training token, 3 for the next,
 * and so on, 1 for a token outside the vocabulary; a row's sequence ends at its first absent
 * feature, and a missing or blank text has none. A text longer than {@code length} tokens keeps its
 * last {@code length}, as Keras's pad_sequences does. Because indices follow frequency, a model
 * that wants a smaller vocabulary reads every index at or above its size as unknown.
 *
 * @param name the column
 * @param vocabulary the kept tokens, most frequent first: token i has index i + 2
 * @param length the most tokens a row keeps
 */
public record SequenceStep(String name, List<String> vocabulary, int length)
    implements SingleColumnStep {
  /** Index of a token outside the vocabulary; 0 is never written (it is a model's padding). */
  public static final int UNKNOWN = 1;

  /** The first index of a vocabulary token. */
  public static final int FIRST_TOKEN = 2;

  /** The most tokens a sequence keeps, whatever the longest training text. */
  public static final int MAX_LENGTH = 1000;

  public SequenceStep {
    vocabulary = List.copyOf(vocabulary);
    if (length < 1) {
      throw new IllegalArgumentException("a sequence of " + length + " tokens");
    }
  }

  /**
   * Keeps the tokens found in at least prep.text.min_count training rows, ranked by how often they
   * occur (ties by token), at most prep.text.max_features of them; sequences are as long as the
   * longest training text, up to {@link #MAX_LENGTH}.
   */
  public static SequenceStep fit(TrainingColumn column, PrepConfig prep, PipelineNeeds needs) {
    TextConfig text = prep.text();
    Map<String, int[]> tally = new HashMap<>(); // token -> {occurrences, rows}
    Set<String> seen = new HashSet<>();
    int longest = 1;
    for (int i = 0; i < column.size(); i++) {
      if (column.isMissing(i)) {
        continue;
      }
      List<String> tokens = TextTerms.tokens(column.value(i));
      longest = Math.max(longest, tokens.size());
      seen.clear();
      for (String token : tokens) {
        int[] counts = tally.computeIfAbsent(token, t -> new int[2]);
        counts[0]++;
        if (seen.add(token)) {
          counts[1]++;
        }
      }
    }
    List<String> vocabulary =
        tally.entrySet().stream()
            .filter(e -> e.getValue()[1] >= text.minCount())
            .sorted(
                Comparator.<Map.Entry<String, int[]>>comparingInt(e -> -e.getValue()[0])
                    .thenComparing(Map.Entry::getKey))
            .limit(text.maxFeatures())
            .map(Map.Entry::getKey)
            .toList();
    return new SequenceStep(column.name(), vocabulary, Math.min(MAX_LENGTH, longest));
  }

  @Override
  public List<String> featureNames() {
    return IntStream.rangeClosed(1, length).mapToObj(k -> position(name, k)).toList();
  }

  /** The name of the feature holding the k-th token (from 1) of a text column. */
  public static String position(String column, int k) {
    return column + "@" + k;
  }

  /**
   * k when {@code feature} holds the k-th token of {@code column} (see {@link #position}), else 0.
   */
  public static int positionOf(String feature, String column) {
    int at = column.length();
    if (feature.length() <= at + 1
        || feature.charAt(at) != '@'
        || !feature.startsWith(column)
        || feature.length() - at > 5) {
      return 0;
    }
    int k = 0;
    for (int i = at + 1; i < feature.length(); i++) {
      char c = feature.charAt(i);
      if (c < '0' || c > '9') {
        return 0;
      }
      k = 10 * k + c - '0';
    }
    return feature.charAt(at + 1) == '0' ? 0 : k;
  }

  @Override
  public StepEncoder encoder(int[] columns, int first, MissingValues missing) {
    Map<String, Integer> index = new HashMap<>();
    for (int t = 0; t < vocabulary.size(); t++) {
      index.put(vocabulary.get(t), t + FIRST_TOKEN);
    }
    int column = columns[0];
    return (fields, out) -> {
      String raw = fields[column];
      if (missing.isMissing(raw)) {
        return;
      }
      List<String> tokens = TextTerms.tokens(raw);
      int from = Math.max(0, tokens.size() - length);
      for (int k = from; k < tokens.size(); k++) {
        out.put(first + k - from, index.getOrDefault(tokens.get(k), UNKNOWN));
      }
    };
  }
}
