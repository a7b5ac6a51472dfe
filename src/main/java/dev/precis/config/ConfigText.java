package dev.precis.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.precis.PrecisException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * The text of a config file, checked to be what YAML reads (UTF-8 text, no control characters)
 * before it is parsed, and YAML's complaints about it as one plain line. No message echoes the
 * file's bytes: a file given by mistake (a program, an image) is named, not printed.
 */
final class ConfigText {
  private ConfigText() {}

  /**
   * The file's text.
   *
   * @throws PrecisException (usage) naming the file, and the line where it helps, when the file is
   *     binary, is not UTF-8, holds a control character, or cannot be read
   */
  static String read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw PrecisException.usage(file + ": cannot read the config file: " + e.getMessage());
    }
    for (byte b : bytes) {
      if (b == 0) {
        throw PrecisException.usage(
            file
                + ": not a YAML text file (it holds binary data); give the config written for"
                + " precis");
      }
    }
    String text = decode(file, bytes);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r' && c != '\u0085') {
        throw PrecisException.usage(
            file
                + ":"
                + lineOf(text, i)
                + String.format(
                    ": holds the control character U+%04X, which YAML does not allow; remove it",
                    (int) c));
      }
    }
    return text;
  }

  /** "file:line: not valid YAML: problem", on one line, with control characters escaped. */
  static String yamlError(Path file, JsonProcessingException e) {
    int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    String problem = e.getOriginalMessage();
    if (e.getCause() instanceof MarkedYAMLException marked) {
      problem = marked.getProblem();
      if (marked.getProblemMark() != null) {
        line = marked.getProblemMark().getLine() + 1;
      }
    }
    return file + ":" + line + ": not valid YAML: " + oneLine(problem);
  }

  private static String decode(Path file, byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int at = in.position();
      long line = 1;
      for (int i = 0; i < at; i++) {
        line += bytes[i] == '\n' ? 1 : 0;
      }
      throw PrecisException.usage(
          String.format(
              "%s:%d: bytes that are not valid UTF-8 (0x%02X); save the config file as UTF-8",
              file, line, bytes[at] & 0xff));
    }
    decoder.flush(out);
    return out.flip().toString();
  }

  private static long lineOf(String text, int index) {
    return 1 + text.substring(0, index).chars().filter(c -> c == '\n').count();
  }

  /** The text on one line, whitespace runs as one space, control characters escaped. */
  private static String oneLine(String text) {
    StringBuilder out = new StringBuilder();
    for (String word : (text == null ? "" : text.strip()).split("\\s+")) {
      if (!out.isEmpty()) {
        out.append(' ');
      }
      word.chars()
          .forEach(
              c -> out.append(Character.isISOControl(c) ? String.format("\\u%04X", c) : (char) c));
    }
    return out.toString();
  }
}
