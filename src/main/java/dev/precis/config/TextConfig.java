package dev.precis.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a text column (data.types: {col: text}) becomes features: prep.text. Tokens are runs of
 * Unicode letters, marks and digits, lower-cased; terms are word n-grams of them and, optionally,
 * character n-grams within each word.
 *
 * @param ngramMin shortest word n-gram
 * @param ngramMax longest word n-gram
 * @param charNgramMin shortest character n-gram within a word (padded with a space each side); 0
 *     turns character n-grams off
 * @param charNgramMax longest character n-gram
 * @param maxFeatures most terms kept per column, by the number of training rows holding them
 * @param minCount training rows a term must appear in to be kept
 * @param weighting what a term's feature holds
 * @param buckets the number of hashed features per column, for weighting: hashing
 * @param embed a pretrained sentence encoder whose vector stands for the text instead of its bag of
 *     terms, or none
 */
public record TextConfig(
    int ngramMin,
    int ngramMax,
    int charNgramMin,
    int charNgramMax,
    int maxFeatures,
    int minCount,
    Weighting weighting,
    int buckets,
    Embed embed) {

  /** What prep.text is when a config does not say. */
  public static final TextConfig DEFAULTS =
      new TextConfig(1, 2, 0, 0, 20000, 2, Weighting.TFIDF, 1 << 18, Embed.NONE);

  /** What a term's feature holds. */
  public enum Weighting {
    /** Sublinear tf (1 + ln count) times smoothed idf, each row scaled to unit L2 norm. */
    @JsonProperty("tfidf")
    TFIDF,
    /** How many times the term occurs in the row. */
    @JsonProperty("counts")
    COUNTS,
    /** 1 when the term occurs in the row. */
    @JsonProperty("binary")
    BINARY,
    /**
     * No vocabulary: each term's sublinear tf goes to one of prep.text.buckets features by a fixed
     * hash (MurmurHash3, 32 bits, seed 0, of its UTF-8 bytes), signed by the hash, the row scaled
     * to unit L2 norm.
     */
    @JsonProperty("hashing")
    HASHING
  }

  /** A pretrained sentence encoder for a text column: prep.text.embed. */
  public enum Embed {
    /** No encoder: the text is a bag of terms. */
    @JsonProperty("none")
    NONE,
    /**
     * all-MiniLM-L6-v2, quantised, on ONNX Runtime: 384 numbers per text, shipped with Precis (no
     * download).
     */
    @JsonProperty("minilm")
    MINILM
  }

  public TextConfig {
    Check.between(ngramMin, 1, 10, "prep.text.ngram_min");
    Check.between(ngramMax, ngramMin, 10, "prep.text.ngram_max");
    Check.between(charNgramMin, 0, 20, "prep.text.char_ngram_min");
    if (charNgramMin > 0) {
      Check.between(charNgramMax, charNgramMin, 20, "prep.text.char_ngram_max");
    }
    Check.atLeast(maxFeatures, 1, "prep.text.max_features");
    Check.atLeast(minCount, 1, "prep.text.min_count");
    Check.present(weighting, "prep.text.weighting");
    Check.between(buckets, 1, 1 << 24, "prep.text.buckets");
    Check.present(embed, "prep.text.embed");
  }
}
