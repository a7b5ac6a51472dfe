package dev.precis.io;

import dev.precis.PrecisException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * An input a report or bundle depends on, identified by content so a reader can tell whether two
 * runs saw the same data.
 *
 * @param path as the user gave it
 * @param sha256 of the file's bytes (for a directory, of its files' digests in name order)
 */
public record InputFile(String path, String sha256) {

  public static InputFile of(Path path) {
    return new InputFile(path.toString(), sha256(path));
  }

  /** SHA-256 of a file's bytes; for a directory, of its files' digests in name order. */
  public static String sha256(Path path) {
    try {
      MessageDigest digest = Sha256.newDigest();
      if (Files.isDirectory(path)) {
        try (var files = Files.list(path)) {
          for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
            digest.update(
                (file.getFileName() + ":" + sha256(file) + "\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
          }
        }
      } else {
        try (InputStream in = Files.newInputStream(path)) {
          byte[] buffer = new byte[1 << 16];
          int n;
          while ((n = in.read(buffer)) > 0) {
            digest.update(buffer, 0, n);
          }
        }
      }
      return Sha256.hex(digest);
    } catch (IOException e) {
      throw PrecisException.data(path + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** SHA-256 of a text, for config hashes. */
  public static String sha256(String text) {
    MessageDigest digest = Sha256.newDigest();
    digest.update(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return Sha256.hex(digest);
  }
}
