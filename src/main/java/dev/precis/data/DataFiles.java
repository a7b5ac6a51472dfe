package dev.precis.data;

import dev.precis.PrecisException;
import dev.precis.io.StandardStreams;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opens data files for reading, with errors that say which file and why. */
public final class DataFiles {
  private DataFiles() {}

  /** A UTF-8 reader over a plain or gzip-compressed (.gz) file, or standard input for {@code -}. */
  public static Reader open(Path file) {
    return open(file, null);
  }

  /**
   * As {@link #open(Path)}, also feeding every byte of the file, as stored, to {@code digest} (when
   * not null), so a file is read once to be both parsed and identified.
   */
  public static Reader open(Path file, java.security.MessageDigest digest) {
    if (!StandardStreams.isDash(file) && Files.isDirectory(file)) {
      throw PrecisException.data(file + ": is a directory; give a CSV file");
    }
    try {
      InputStream in =
          StandardStreams.isDash(file) ? StandardStreams.stdin() : Files.newInputStream(file);
      if (digest != null) {
        in = new java.security.DigestInputStream(in, digest);
      }
      if (file.getFileName().toString().endsWith(".gz")) {
        in = new GZIPInputStream(in, 1 << 16);
      }
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    } catch (NoSuchFileException e) {
      throw PrecisException.data(
          file + ": no such file; check the path given to --data or data.path");
    } catch (IOException e) {
      throw PrecisException.data(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** "file:line: message", the form every data error takes. */
  public static PrecisException error(Path file, long line, String message) {
    return PrecisException.data(file + ":" + line + ": " + message);
  }
}
