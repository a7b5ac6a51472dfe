package dev.precis.data;

import dev.precis.PrecisException;
import dev.precis.io.StandardStreams;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Opens data files for reading by what they hold, not by their names: gzip data (by its signature)
 * is decompressed whatever the file is called, a byte-order mark decides the encoding, and a file
 * that holds NUL bytes is refused as binary. Every failure, then or while reading, is a data error
 * that names the file and says what is wrong with it.
 */
public final class DataFiles {
  /** Bytes looked at to recognise a binary file. */
  private static final int SNIFF_BYTES = 1 << 16;

  private static final int BUFFER = 1 << 16;

  private DataFiles() {}

  /**
   * A reader of the file's text, decoded from {@code charset} unless a byte-order mark says
   * otherwise; bytes that are not valid in the encoding are a data error naming the line, never
   * replaced. Every byte of the file, as stored, is fed to {@code digest} (when not null), so a
   * file is read once to be both parsed and identified.
   */
  public static Reader open(Path file, Charset charset, MessageDigest digest) {
    InputStream content = content(file, digest);
    try {
      byte[] head = peek(file, content, SNIFF_BYTES);
      Charset encoding = byteOrderMark(head).orElse(charset);
      checkText(file, head, encoding);
      return new BufferedReader(new DecodingReader(file, content, encoding), BUFFER);
    } catch (RuntimeException e) {
      closeQuietly(content);
      throw e;
    }
  }

  /** "file:line: message", the form every data error takes. */
  public static PrecisException error(Path file, long line, String message) {
    return PrecisException.data(StandardStreams.name(file) + ":" + line + ": " + message);
  }

  /**
   * "file:line: message" about the byte at {@code offset} of the file's content; standard input
   * cannot be read again to find the line, so there the message gives the byte's offset.
   */
  static PrecisException errorAtByte(Path file, long offset, Charset charset, String message) {
    if (StandardStreams.isDash(file)) {
      return PrecisException.data(
          StandardStreams.name(file) + ": at byte " + (offset + 1) + ": " + message);
    }
    return error(file, lineAt(file, offset, charset), message);
  }

  /**
   * The line (from 1) on which the byte at {@code offset} of the file's content lies: for messages
   * about that byte, read again so that reading need not count lines as it goes.
   */
  private static long lineAt(Path file, long offset, Charset charset) {
    try (InputStream in = content(file, null)) {
      byte[] chunk = new byte[BUFFER]; // even, so UTF-16 units are never split between chunks
      long line = 1;
      for (long left = offset; left > 0; ) {
        int n = in.readNBytes(chunk, 0, (int) Math.min(chunk.length, left));
        if (n == 0) {
          break;
        }
        left -= n;
        line += new String(chunk, 0, n, charset).chars().filter(c -> c == '\n').count();
      }
      return line;
    } catch (IOException e) {
      throw readError(file, e);
    }
  }

  /** The data error for an I/O failure while reading the file's content. */
  static PrecisException readError(Path file, IOException e) {
    if (e instanceof EOFException) {
      return PrecisException.data(
          StandardStreams.name(file)
              + ": the gzip data ends early (the file is truncated or still being written)",
          e);
    }
    if (e instanceof ZipException) {
      return PrecisException.data(
          StandardStreams.name(file)
              + ": the gzip data is corrupt; compress the original file again",
          e);
    }
    return PrecisException.data(StandardStreams.name(file) + ": cannot read: " + e.getMessage(), e);
  }

  /** The file's bytes (standard input's for {@code -}), decompressed when they are gzip data. */
  private static InputStream content(Path file, MessageDigest digest) {
    boolean stdin = StandardStreams.isDash(file);
    if (!stdin && Files.isDirectory(file)) {
      throw PrecisException.data(file + ": is a directory; give a CSV file");
    }
    InputStream in;
    try {
      in = stdin ? StandardStreams.stdin() : Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      throw PrecisException.data(
          file + ": no such file; check the path given to --data or data.path");
    } catch (IOException e) {
      throw readError(file, e);
    }
    try {
      InputStream raw =
          new BufferedInputStream(digest == null ? in : new DigestInputStream(in, digest), BUFFER);
      byte[] magic = peek(file, raw, 2);
      boolean gzip = magic.length == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
      if (!gzip && magic.length > 0 && file.getFileName().toString().endsWith(".gz")) {
        throw PrecisException.data(
            file
                + ": is not gzip data although its name ends in .gz; "
                + "give it the name of what it holds (e.g. .csv), or compress it with gzip");
      }
      return gzip ? new BufferedInputStream(new GZIPInputStream(raw, BUFFER), BUFFER) : raw;
    } catch (IOException e) {
      closeQuietly(in);
      throw readError(file, e);
    } catch (RuntimeException e) {
      closeQuietly(in);
      throw e;
    }
  }

  /** Up to {@code length} bytes from the start of {@code in}, which is left where it was. */
  private static byte[] peek(Path file, InputStream in, int length) {
    try {
      in.mark(length);
      byte[] bytes = in.readNBytes(length);
      in.reset();
      return bytes;
    } catch (IOException e) {
      throw readError(file, e);
    }
  }

  /** The encoding a byte-order mark at the start declares, if there is one. */
  private static Optional<Charset> byteOrderMark(byte[] head) {
    if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
      return Optional.of(StandardCharsets.UTF_8);
    }
    if (startsWith(head, 0xFF, 0xFE)) {
      return Optional.of(StandardCharsets.UTF_16LE);
    }
    if (startsWith(head, 0xFE, 0xFF)) {
      return Optional.of(StandardCharsets.UTF_16BE);
    }
    return Optional.empty();
  }

  /**
   * A data error when the first bytes are not text in an encoding that writes a line break as the
   * one byte 0x0A (UTF-8 and the one-byte encodings): there, a NUL byte never occurs in text. NULs
   * in most of every other byte are UTF-16 without a byte-order mark; others mean binary data.
   */
  private static void checkText(Path file, byte[] head, Charset charset) {
    if (!Arrays.equals("\n".getBytes(charset), new byte[] {'\n'})) {
      return;
    }
    int[] nulsAt = new int[2];
    for (int i = 0; i < head.length; i++) {
      if (head[i] == 0) {
        nulsAt[i % 2]++;
      }
    }
    if (nulsAt[0] + nulsAt[1] == 0) {
      return;
    }
    if (Math.min(nulsAt[0], nulsAt[1]) == 0 && Math.max(nulsAt[0], nulsAt[1]) >= head.length / 4) {
      String utf16 = nulsAt[0] == 0 ? "UTF-16LE" : "UTF-16BE";
      throw PrecisException.data(
          file
              + ": holds NUL bytes between its characters: it looks like "
              + utf16
              + " text; set data.encoding, e.g. --set data.encoding="
              + utf16);
    }
    throw PrecisException.data(
        StandardStreams.name(file)
            + ": looks like a binary file, not CSV text (it holds NUL bytes)");
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xff) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // already failing with a clearer error
    }
  }
}
