package dev.precis.report;

import dev.precis.config.Mappers;
import dev.precis.io.OutputFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Writing reports: stable JSON, as any output is written (see {@link OutputFile}). */
public final class Reports {
  private Reports() {}

  public static String json(Object report) {
    try {
      return Mappers.json().writeValueAsString(report) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void write(OutputFile target, Object report) {
    target.write(out -> out.write(json(report).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  /** Now, to the second, in UTC: what reports record as their creation time. */
  public static String now() {
    return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** Seconds since a System.nanoTime() reading, to the millisecond. */
  public static double secondsSince(long startNanos) {
    return Math.round((System.nanoTime() - startNanos) / 1e6) / 1e3;
  }
}
