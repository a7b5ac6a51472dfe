package dev.precis.cli;

import dev.precis.Version;
import picocli.CommandLine;

/** `precis --version`: Precis and the engine it is built on. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {
      "precis "
          + Version.precis()
          + " (Tribuo "
          + Version.tribuo()
          + ", Java "
          + Runtime.version()
          + ")"
    };
  }
}
