package dev.precis.config;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where the key that data.pii hashes with is read from: an environment variable or a file. Only the
 * place is configured, and only the place is ever written (in reports and pipeline.json); the key
 * itself stays in memory.
 *
 * @param env the environment variable holding the key
 * @param file the file holding the key (a trailing line break is not part of it)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PiiKey(String env, String file) {
  public PiiKey {
    if ((env == null) == (file == null)) {
      throw new ConfigException(
          "data.pii_key", "name one place for the key: {env: PRECIS_PII_KEY} or {file: PATH}");
    }
  }

  /** The place, for messages: "environment variable X" or "file Y". */
  public String place() {
    return env != null ? "environment variable " + env : "file " + file;
  }
}
