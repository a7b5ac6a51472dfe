package dev.precis.config;

import dev.precis.PrecisException;

/**
 * A configuration value that is unknown, of the wrong type or out of range. Carries the dotted key
 * path so the loader can say where it came from (file and line, or the --set that made it).
 */
public final class ConfigException extends PrecisException {
  private final String keyPath;
  private final String problem;

  public ConfigException(String keyPath, String problem) {
    super(USAGE, keyPath + ": " + problem);
    this.keyPath = keyPath;
    this.problem = problem;
  }

  public String keyPath() {
    return keyPath;
  }

  public String problem() {
    return problem;
  }
}
