package dev.precis.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Where the data is and what its columns mean.
 *
 * @param path the CSV file (or a prepared directory, for train)
 * @param delimiter "auto" to sniff it, or the delimiter itself
 * @param header whether the first line names the columns; null detects it
 * @param encoding the character encoding of data files (a Java charset name); a byte-order mark in
 *     a file overrides it
 * @param target the column to predict
 * @param positive the target value that counts as a response; null picks the minority class
 * @param id a column copied to the scored output to identify each row
 * @param drop columns never used as features (leaky, irrelevant or identifying)
 * @param types column types that override inference
 * @param quote whether a double quote opens a quoted field ({@code standard}, RFC 4180) or is an
 *     ordinary character ({@code none}: files written without quoting, such as the SMS data)
 * @param pii columns of personal data and what is done with each (README "Privacy")
 * @param piiKey where the key of the {@code hash} rule is read from; never the key itself
 * @param columns the column names of a file without a header line, in order; empty names them col1,
 *     col2, ...
 * @param treatment under task uplift, the column that says which arm of the experiment a row was
 *     in; never a feature
 * @param treated the treatment column's value of the treated arm
 * @param control the treatment column's value of the control arm; rows in any other arm are skipped
 *     and counted
 */
public record DataConfig(
    String path,
    String delimiter,
    Boolean header,
    String encoding,
    String target,
    String positive,
    String id,
    List<String> drop,
    Map<String, ColumnType> types,
    Quote quote,
    Map<String, PiiRule> pii,
    PiiKey piiKey,
    List<String> columns,
    String treatment,
    String treated,
    String control) {

  /** Whether fields may be quoted. */
  public enum Quote {
    /** A field may be quoted with double quotes; a doubled quote inside is a literal one. */
    @JsonProperty("standard")
    STANDARD,
    /** No quoting: a double quote is an ordinary character; no field holds a delimiter or line. */
    @JsonProperty("none")
    NONE
  }

  public DataConfig {
    columns = columns == null ? List.of() : List.copyOf(columns);
    if (Boolean.TRUE.equals(header) && !columns.isEmpty()) {
      throw new ConfigException(
          "data.columns",
          "names the columns of a file without a header line, but data.header is true;"
              + " set data.header: false, or leave data.columns out");
    }
    drop = drop == null ? List.of() : List.copyOf(drop);
    types = types == null ? Map.of() : Map.copyOf(types);
    encoding = encoding == null ? StandardCharsets.UTF_8.name() : encoding;
    quote = quote == null ? Quote.STANDARD : quote;
    pii = pii == null ? Map.of() : Map.copyOf(pii);
    checkEncoding(encoding);
    checkPii(pii, piiKey, target);
    if (delimiter == null
        || !(delimiter.equals("auto") || delimiter.length() == 1 || delimiter.equals("\\t"))) {
      throw new ConfigException(
          "data.delimiter",
          "must be 'auto' or a single character such as ';' or '\\t' (got '" + delimiter + "')");
    }
  }

  /** A config as before data.pii and data.columns: their defaults. */
  public DataConfig(
      String path,
      String delimiter,
      Boolean header,
      String encoding,
      String target,
      String positive,
      String id,
      List<String> drop,
      Map<String, ColumnType> types,
      Quote quote) {
    this(
        path, delimiter, header, encoding, target, positive, id, drop, types, quote, null, null,
        null, null, null, null);
  }

  private static void checkPii(Map<String, PiiRule> pii, PiiKey piiKey, String target) {
    if (target != null && pii.containsKey(target)) {
      throw new ConfigException(
          "data.pii", "the target '" + target + "' cannot be declared personal; it is predicted");
    }
    pii.entrySet().stream()
        .filter(e -> e.getValue().action() == PiiRule.Action.HASH)
        .findFirst()
        .filter(e -> piiKey == null)
        .ifPresent(
            e -> {
              throw new ConfigException(
                  "data.pii_key",
                  "column '"
                      + e.getKey()
                      + "' is hashed, which needs a key: set data.pii_key: {env: PRECIS_PII_KEY}"
                      + " (an environment variable holding it) or {file: PATH}");
            });
  }

  private static void checkEncoding(String encoding) {
    boolean known;
    try {
      known = Charset.isSupported(encoding);
    } catch (IllegalCharsetNameException e) {
      known = false;
    }
    if (!known) {
      throw new ConfigException(
          "data.encoding",
          "'"
              + encoding
              + "' is not a character encoding this Java knows; "
              + "use e.g. UTF-8, windows-1252, ISO-8859-1 or UTF-16");
    }
  }

  /** The character encoding of data files. */
  public Charset charset() {
    return Charset.forName(encoding);
  }

  /** The configured delimiter, or empty when it is to be sniffed from the file. */
  public java.util.OptionalInt delimiterChar() {
    if (delimiter.equals("auto")) {
      return java.util.OptionalInt.empty();
    }
    return java.util.OptionalInt.of(delimiter.equals("\\t") ? '\t' : delimiter.charAt(0));
  }

  public DataConfig withPath(String value) {
    return new DataConfig(
        value, delimiter, header, encoding, target, positive, id, drop, types, quote, pii, piiKey,
        columns, treatment, treated, control);
  }

  /** The config with more columns never used as features. */
  public DataConfig withDrop(List<String> more) {
    List<String> all = new java.util.ArrayList<>(drop);
    all.addAll(more);
    return new DataConfig(
        path, delimiter, header, encoding, target, positive, id, all, types, quote, pii, piiKey,
        columns, treatment, treated, control);
  }

  public DataConfig withPositive(String value) {
    return new DataConfig(
        path, delimiter, header, encoding, target, value, id, drop, types, quote, pii, piiKey,
        columns, treatment, treated, control);
  }
}
