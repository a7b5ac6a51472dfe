package dev.precis.spark;

import dev.precis.PrecisException;
import dev.precis.io.OutputFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * Files the driver reads and writes itself, on the local disk or a cluster's file system (HDFS, S3,
 * ...): the bundle's bytes, the summary and the report. A local file is written as precis writes
 * every output ({@link OutputFile}: a temporary sibling renamed into place); a remote one through
 * the same temporary-then-rename.
 */
final class SparkFiles {
  private SparkFiles() {}

  /** A file's whole content. */
  static byte[] read(String file, Configuration hadoop, String option) {
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(file);
    try {
      FileSystem fs = path.getFileSystem(hadoop);
      if (!fs.exists(path) || !fs.getFileStatus(path).isFile()) {
        throw PrecisException.usage(file + ": no such file; check " + option);
      }
      try (InputStream in = fs.open(path)) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toByteArray();
      }
    } catch (IOException e) {
      throw PrecisException.data(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** Whether the path names a file on this machine (no scheme, or file:). */
  static boolean isLocal(String file) {
    String scheme = URI.create(file.replace(" ", "%20")).getScheme();
    return scheme == null || scheme.equals("file");
  }

  static Path local(String file) {
    return file.startsWith("file:") ? Path.of(URI.create(file)) : Path.of(file);
  }

  /** Whether something is there already. */
  static boolean exists(String file, Configuration hadoop) {
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(file);
    try {
      return path.getFileSystem(hadoop).exists(path);
    } catch (IOException e) {
      throw PrecisException.usage(file + ": cannot check: " + e.getMessage());
    }
  }

  /** Writes text whole, never half: a temporary file renamed into place. */
  static void write(String file, String text, boolean force, Configuration hadoop, String option) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (isLocal(file)) {
      new OutputFile(option, local(file), force, OutputStream.nullOutputStream())
          .write(out -> out.write(bytes));
      return;
    }
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(file);
    org.apache.hadoop.fs.Path temp =
        new org.apache.hadoop.fs.Path(path.getParent(), "." + path.getName() + ".tmp");
    try {
      FileSystem fs = path.getFileSystem(hadoop);
      if (fs.exists(path) && !force) {
        throw PrecisException.usage(
            file + ": already exists; pass --force to replace it, or choose another " + option);
      }
      try (OutputStream out = fs.create(temp, true)) {
        out.write(bytes);
      }
      if (fs.exists(path)) {
        fs.delete(path, false);
      }
      if (!fs.rename(temp, path)) {
        throw new IOException("the rename of " + temp + " failed");
      }
    } catch (IOException e) {
      throw PrecisException.usage(file + ": cannot write: " + e.getMessage() + "; check " + option);
    }
  }
}
