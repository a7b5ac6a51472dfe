package dev.precis.data;

import dev.precis.PrecisException;
import dev.precis.config.PiiKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under the key that data.pii_key points to, as lower-case hex: what a hashed column
 * holds instead of its values. A party holding the key gets the same hex from the same value, so
 * scores can be joined back by it. The key is read when needed, kept only here, and never put into
 * a message, a string or a file. Not thread-safe: one per thread.
 */
final class KeyedHash {
  /** Shorter keys are guessable; 32 random bytes ({@code openssl rand -hex 32}) are plenty. */
  static final int MIN_KEY_BYTES = 16;

  private static final String ALGORITHM = "HmacSHA256";
  private final Mac mac;

  private KeyedHash(Mac mac) {
    this.mac = mac;
  }

  /**
   * @throws PrecisException (usage) when the place holds no key, or too short a one; the message
   *     names the place and the config key, never what the place holds
   */
  static KeyedHash of(PiiKey source) {
    if (source == null) {
      throw PrecisException.usage(
          "data.pii_key: a column is hashed but no key is configured: set data.pii_key: {env:"
              + " PRECIS_PII_KEY} or {file: PATH}");
    }
    byte[] key = read(source);
    try {
      if (key.length < MIN_KEY_BYTES) {
        throw PrecisException.usage(
            "data.pii_key: the key in the "
                + source.place()
                + " is shorter than "
                + MIN_KEY_BYTES
                + " bytes; make one with e.g. `openssl rand -hex 32`");
      }
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      return new KeyedHash(mac);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " is part of every Java runtime", e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  private static byte[] read(PiiKey source) {
    if (source.env() != null) {
      String value = System.getenv(source.env());
      if (value == null || value.isEmpty()) {
        throw PrecisException.usage(
            "data.pii_key: the environment variable "
                + source.env()
                + " is not set (or empty); it must hold the key that data.pii hashes with");
      }
      return value.getBytes(StandardCharsets.UTF_8);
    }
    try {
      byte[] bytes = Files.readAllBytes(Path.of(source.file()));
      // a key file written by `echo` or an editor ends with a line break that is not the key's
      int end = bytes.length;
      while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) {
        end--;
      }
      return Arrays.copyOf(bytes, end);
    } catch (IOException e) {
      throw PrecisException.usage(
          "data.pii_key: cannot read the key file "
              + source.file()
              + " ("
              + e.getClass().getSimpleName()
              + "); it must hold the key that data.pii hashes with");
    }
  }

  /** The hex HMAC of a value's UTF-8 bytes. */
  String hex(String value) {
    return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
  }
}
