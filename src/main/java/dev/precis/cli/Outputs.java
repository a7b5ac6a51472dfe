package dev.precis.cli;

import dev.precis.config.Mappers;
import dev.precis.config.PrecisConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** What commands print on standard output. */
final class Outputs {
  private Outputs() {}

  static void printConfig(PrintWriter out, PrecisConfig config) {
    try {
      out.print(Mappers.yaml().writeValueAsString(config));
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void printJson(PrintWriter out, Object report) {
    out.print(dev.precis.report.Reports.json(report));
    out.flush();
  }
}
