package dev.precis.data;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.precis.config.PrepConfig;
import dev.precis.config.TextConfig;
import dev.precis.config.TextConfig.Weighting;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A text column as a bag of terms (see {@link TextTerms}): one sparse feature per kept term,
 * "message:call now", or per hash bucket, "message:#1234". A missing or blank text gives no
 * features. With tfidf weighting a term's feature is (1 + ln count) * idf, idf = ln((1 + n) / (1 +
 * df)) + 1 over the n training rows, df of them holding the term, and the row is scaled to unit L2
 * norm: scikit-learn's TfidfVectorizer(sublinear_tf=True, smooth_idf=True, norm="l2").
 *
 * @param name the column
 * @param weighting what a term's feature holds
 * @param ngramMin shortest word n-gram
 * @param ngramMax longest word n-gram
 * @param charNgramMin shortest character n-gram, 0 for none
 * @param charNgramMax longest character n-gram
 * @param terms the kept terms, sorted; empty under hashing
 * @param idf each term's inverse document frequency (tfidf weighting only, else empty)
 * @param buckets the hashed features (hashing weighting only, else 0)
 * @param signed whether a hashed term adds or subtracts by its hash's sign (hashing only); false
 *     for a family that needs non-negative features, such as naive Bayes
 * @param fitted the training rows' terms, or null under hashing, for too many rows, or once read
 *     back from disk
 */
public record TextStep(
    String name,
    Weighting weighting,
    int ngramMin,
    int ngramMax,
    int charNgramMin,
    int charNgramMax,
    List<String> terms,
    double[] idf,
    int buckets,
    boolean signed,
    @JsonIgnore FittedTerms fitted)
    implements SingleColumnStep {

  public TextStep {
    terms = Vocabulary.of(terms);
    idf = idf.clone();
  }

  @JsonCreator
  static TextStep read(
      @JsonProperty("name") String name,
      @JsonProperty("weighting") Weighting weighting,
      @JsonProperty("ngram_min") int ngramMin,
      @JsonProperty("ngram_max") int ngramMax,
      @JsonProperty("char_ngram_min") int charNgramMin,
      @JsonProperty("char_ngram_max") int charNgramMax,
      @JsonProperty("terms") List<String> terms,
      @JsonProperty("idf") double[] idf,
      @JsonProperty("buckets") int buckets,
      @JsonProperty("signed") boolean signed) {
    return new TextStep(
        name,
        weighting,
        ngramMin,
        ngramMax,
        charNgramMin,
        charNgramMax,
        terms,
        idf,
        buckets,
        signed,
        null);
  }

  /**
   * Keeps the terms found in at least prep.text.min_count training rows, the prep.text.max_features
   * found in most rows when there are more (ties by term), with their idf. Under hashing there is
   * nothing to learn but whether buckets may be negative: not where the family needs non-negative
   * numbers. Every other weighting is non-negative already.
   */
  public static TextStep fit(TrainingColumn column, PrepConfig prep, PipelineNeeds needs) {
    TextConfig text = prep.text();
    if (text.weighting() == Weighting.HASHING) {
      boolean signed = needs.numbers() != PipelineNeeds.Numbers.NON_NEGATIVE;
      return new TextStep(
          column.name(),
          Weighting.HASHING,
          text.ngramMin(),
          text.ngramMax(),
          text.charNgramMin(),
          text.charNgramMax(),
          List.of(),
          new double[0],
          text.buckets(),
          signed,
          null);
    }
    TextTerms analyzer = TextTerms.of(text);
    TermCounts counts = new TermCounts(column.size(), TermCounts.MOST_KEPT, expectedTerms(column));
    for (int i = 0; i < column.size(); i++) {
      counts.count(i, column.isMissing(i) ? null : column.value(i), analyzer);
    }
    TermCounts.Kept kept = counts.kept(text.minCount(), text.maxFeatures());
    double[] idf = new double[text.weighting() == Weighting.TFIDF ? kept.rows().length : 0];
    for (int t = 0; t < idf.length; t++) {
      idf[t] = Math.log((1.0 + column.size()) / (1.0 + kept.rows()[t])) + 1;
    }
    return new TextStep(
        column.name(),
        text.weighting(),
        text.ngramMin(),
        text.ngramMax(),
        text.charNgramMin(),
        text.charNgramMax(),
        kept.terms(),
        idf,
        0,
        false,
        counts.fitted(column, kept));
  }

  /**
   * Room for a distinct term per four characters of text, up to 2^20: a column's terms are counted
   * without growing the table, or growing it seldom; growing moves every term counted so far.
   */
  private static int expectedTerms(TrainingColumn column) {
    long chars = 0;
    for (int i = 0; i < column.size(); i++) {
      chars += column.isMissing(i) ? 0 : column.value(i).length();
    }
    return (int) Math.min(chars / 4, 1 << 20);
  }

  @Override
  public List<String> featureNames() {
    if (weighting == Weighting.HASHING) {
      return IntStream.range(0, buckets).mapToObj(b -> name + ":#" + b).toList();
    }
    return vocabulary().featureNames(name);
  }

  /** Terms are distinct (the vocabulary refuses a repeated one), and so are buckets. */
  @Override
  public boolean distinctNames() {
    return true;
  }

  @Override
  public int featureCount() {
    return weighting == Weighting.HASHING ? buckets : terms.size();
  }

  /** The terms, which the compact constructor made a vocabulary. */
  private Vocabulary vocabulary() {
    return (Vocabulary) terms;
  }

  @Override
  public StepEncoder encoder(int[] columns, int first, MissingValues missing) {
    return new Encoder(columns[0], first, missing);
  }

  /**
   * Gathers a row's terms as features (those the fit met, for a fitted row), sorts them and counts
   * each run, then weighs them: no map or boxed number per term.
   */
  private final class Encoder implements StepEncoder, TextTerms.Sink {
    private final int column;
    private final int first;
    private final MissingValues missing;
    private final Vocabulary vocabulary = vocabulary();
    private final TextTerms analyzer =
        new TextTerms(ngramMin, ngramMax, charNgramMin, charNgramMax);
    // per row: each term met, as its feature times 2 plus 1 when it counts -1 (a hash's sign)
    private long[] met = new long[64];
    private int size;
    private CsvTable table;
    private int row;

    Encoder(int column, int first, MissingValues missing) {
      this.column = column;
      this.first = first;
      this.missing = missing;
    }

    @Override
    public void atRow(CsvTable of, int tableRow) {
      table = of;
      row = tableRow;
    }

    @Override
    public void encode(String[] fields, SparseRows out) {
      int at = fitted == null ? -1 : fitted.find(table, row);
      table = null;
      size = 0;
      if (at >= 0) {
        for (int k = fitted.starts()[at]; k < fitted.starts()[at + 1]; k++) {
          if (fitted.features()[k] >= 0) {
            add((long) fitted.features()[k] << 1);
          }
        }
      } else if (!missing.isMissing(fields[column])) {
        analyzer.forEach(fields[column], this);
      }
      sort(met, size);
      int[] features = new int[size];
      double[] values = new double[size];
      int n = 0;
      double norm = 0;
      for (int k = 0; k < size; ) {
        int feature = (int) (met[k] >>> 1);
        double count = 0;
        for (; k < size && (int) (met[k] >>> 1) == feature; k++) {
          count += (met[k] & 1) == 0 ? 1.0 : -1.0;
        }
        double value =
            switch (weighting) {
              case COUNTS -> count;
              case BINARY -> 1.0;
              case TFIDF -> (1 + Math.log(count)) * idf[feature];
              // terms of opposite signs may cancel out in a bucket, which then holds nothing
              case HASHING -> count == 0 ? 0 : Math.signum(count) * (1 + Math.log(Math.abs(count)));
            };
        features[n] = feature;
        values[n++] = value;
        norm += value * value;
      }
      boolean scaled = weighting == Weighting.TFIDF || weighting == Weighting.HASHING;
      double divisor = scaled && norm > 0 ? Math.sqrt(norm) : 1.0;
      for (int k = 0; k < n; k++) {
        if (values[k] != 0) {
          out.put(first + features[k], values[k] / divisor);
        }
      }
    }

    @Override
    public void accept(char[] chars, int length) {
      long feature;
      if (weighting == Weighting.HASHING) {
        int hash = murmur3(new String(chars, 0, length).getBytes(StandardCharsets.UTF_8));
        long bucket = Math.abs((long) hash) % buckets;
        feature = bucket << 1 | (signed && hash < 0 ? 1 : 0);
      } else {
        int known = vocabulary.find(chars, length);
        if (known < 0) {
          return;
        }
        feature = (long) known << 1;
      }
      add(feature);
    }

    /**
     * Sorts a row's terms: by insertion when they are few, as a message's are, which the JIT
     * compiles in a moment, where the JDK's sort of a long[] is a large method to compile.
     */
    private static void sort(long[] terms, int size) {
      if (size > 64) {
        Arrays.sort(terms, 0, size);
        return;
      }
      for (int i = 1; i < size; i++) {
        long term = terms[i];
        int j = i;
        while (j > 0 && terms[j - 1] > term) {
          terms[j] = terms[j - 1];
          j--;
        }
        terms[j] = term;
      }
    }

    private void add(long feature) {
      if (size == met.length) {
        met = Arrays.copyOf(met, 2 * size);
      }
      met[size++] = feature;
    }
  }

  /**
   * MurmurHash3 (x86, 32 bits) with seed 0, as scikit-learn's HashingVectorizer uses it: the bucket
   * is |hash| mod buckets and the sign that of the hash.
   */
  static int murmur3(byte[] data) {
    final int c1 = 0xcc9e2d51;
    final int c2 = 0x1b873593;
    int h = 0;
    int blocks = data.length / 4;
    for (int i = 0; i < blocks; i++) {
      int k =
          (data[4 * i] & 0xff)
              | (data[4 * i + 1] & 0xff) << 8
              | (data[4 * i + 2] & 0xff) << 16
              | (data[4 * i + 3] & 0xff) << 24;
      k *= c1;
      k = Integer.rotateLeft(k, 15);
      k *= c2;
      h ^= k;
      h = Integer.rotateLeft(h, 13);
      h = h * 5 + 0xe6546b64;
    }
    int k = 0;
    int tail = blocks * 4;
    switch (data.length & 3) {
      case 3:
        k ^= (data[tail + 2] & 0xff) << 16;
      // fall through
      case 2:
        k ^= (data[tail + 1] & 0xff) << 8;
      // fall through
      case 1:
        k ^= data[tail] & 0xff;
        k *= c1;
        k = Integer.rotateLeft(k, 15);
        k *= c2;
        h ^= k;
        break;
      default:
        break;
    }
    h ^= data.length;
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TextStep step
        && name.equals(step.name)
        && weighting == step.weighting
        && ngramMin == step.ngramMin
        && ngramMax == step.ngramMax
        && charNgramMin == step.charNgramMin
        && charNgramMax == step.charNgramMax
        && terms.equals(step.terms)
        && Arrays.equals(idf, step.idf)
        && buckets == step.buckets
        && signed == step.signed;
  }

  @Override
  public int hashCode() {
    return 31 * (31 * name.hashCode() + terms.hashCode()) + Arrays.hashCode(idf);
  }

  @Override
  public String toString() {
    return "TextStep[" + name + ", " + weighting + ", " + terms.size() + " terms]";
  }
}
