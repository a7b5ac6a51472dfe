package dev.precis.data;

import dev.precis.config.PrepConfig;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A categorical column of many levels hashed into a fixed number of 0/1 features, "name#0" to
 * "name#(buckets-1)": a level sets the feature of its bucket, |MurmurHash3| mod buckets (as text
 * hashing does, {@link TextStep#murmur3}), so nothing is learnt and no vocabulary is kept. A
 * missing value sets the bucket of "(missing)". A new value lands in some bucket like any other and
 * cannot be counted as unseen.
 *
 * @param name the column
 * @param buckets how many features
 */
public record HashingStep(String name, int buckets) implements SingleColumnStep {

  public static HashingStep fit(TrainingColumn column, PrepConfig prep) {
    return new HashingStep(column.name(), prep.encode().highCardinality().buckets());
  }

  @Override
  public List<String> featureNames() {
    return IntStream.range(0, buckets).mapToObj(b -> name + "#" + b).toList();
  }

  /** The bucket of a level, as written (stripped), or of "(missing)". */
  int bucket(String level) {
    int hash = TextStep.murmur3(level.getBytes(StandardCharsets.UTF_8));
    return (int) (Math.abs((long) hash) % buckets);
  }

  @Override
  public StepEncoder encoder(int[] columns, int first, MissingValues missing) {
    int column = columns[0];
    return (fields, out) -> {
      String raw = fields[column];
      out.put(
          first + bucket(missing.isMissing(raw) ? FeaturePipeline.MISSING_LEVEL : raw.strip()),
          1.0);
    };
  }
}
