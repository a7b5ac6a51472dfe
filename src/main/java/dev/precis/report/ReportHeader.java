package dev.precis.report;

import dev.precis.Version;

/**
 * What every report starts with: its schema ({@code precis.<kind>/1}), the Precis version that
 * wrote it and when. A report holds it as its first component, unwrapped, so these are the first
 * keys of its JSON.
 *
 * @param createdAt UTC, to the second (see {@link Reports#now()})
 */
public record ReportHeader(String schema, String precisVersion, String createdAt) {

  /** The header of a report of this schema written now by this build. */
  public static ReportHeader now(String schema) {
    return new ReportHeader(schema, Version.precis(), Reports.now());
  }
}
