package dev.precis.tune;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.PrecisException;
import dev.precis.config.Mappers;
import dev.precis.config.PrecisConfig;
import dev.precis.io.InputFile;
import dev.precis.report.TuneReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * trials.jsonl in the output directory: a header naming the search (a digest of its config and
 * data), then one finished trial per line, appended and flushed as each finishes. A search killed
 * midway and run again with --resume takes its finished trials from here instead of running them
 * again; since candidates are planned from the seed, trial k is the same candidate both times.
 */
public final class Journal {
  /** The journal's file name in the output directory. */
  public static final String FILE = "trials.jsonl";

  private static final String FORMAT = "precis.tune-journal/1";
  private static final ObjectWriter LINE =
      Mappers.json().writer().without(SerializationFeature.INDENT_OUTPUT);

  private final Path file;
  private final String header;
  private final Map<Integer, TuneReport.Trial> finished;
  private boolean started;

  private Journal(Path file, String header, Map<Integer, TuneReport.Trial> finished) {
    this.file = file;
    this.header = header;
    this.finished = finished;
    this.started = !finished.isEmpty();
  }

  /**
   * A usage error unless a journal in {@code dir} may be used or replaced: a fresh run over an
   * earlier search's journal must say which it means.
   */
  public static void check(Path dir, boolean resume, boolean force) {
    Path file = dir.resolve(FILE);
    if (Files.exists(file) && !resume && !force) {
      throw PrecisException.usage(
          file
              + ": holds the trials of an earlier search; pass --resume to continue it, or --force"
              + " to start over");
    }
  }

  /**
   * The journal of this search in {@code dir}: its finished trials when resuming, else none (an
   * earlier journal is replaced once the first trial finishes). The file is only written when a
   * trial finishes, so a run that fails before leaves nothing behind.
   *
   * @throws PrecisException (usage) when resuming a journal of another config or data
   */
  static Journal open(Path dir, boolean resume, PrecisConfig config, InputFile data) {
    Path file = dir.resolve(FILE);
    String header = header(config, data);
    if (!resume || !Files.exists(file)) {
      return new Journal(file, header, Map.of());
    }
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      if (lines.isEmpty() || !lines.get(0).equals(header)) {
        throw PrecisException.usage(
            file
                + ": is the journal of another search (a different config, seed or data);"
                + " resume with the same options, or pass --force to start over");
      }
      Map<Integer, TuneReport.Trial> trials = new HashMap<>();
      StringBuilder kept = new StringBuilder(header).append('\n');
      for (String line : lines.subList(1, lines.size())) {
        Optional<TuneReport.Trial> trial = parse(line);
        if (trial.isEmpty()) {
          break; // the line a kill cut short, and anything after it
        }
        trials.put(trial.get().trial(), trial.get());
        kept.append(line).append('\n');
      }
      // Rewritten without a cut line, so that appended trials start on a line of their own.
      Files.writeString(file, kept, StandardCharsets.UTF_8);
      return new Journal(file, header, trials);
    } catch (IOException e) {
      throw PrecisException.usage(file + ": cannot read the journal (" + e.getMessage() + ")");
    }
  }

  /** The finished trial of that number, when the journal has it. */
  Optional<TuneReport.Trial> finished(int number) {
    return Optional.ofNullable(finished.get(number));
  }

  /** Appends a finished trial and flushes it to the file. */
  synchronized void append(TuneReport.Trial trial) {
    try {
      if (!started) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, header + "\n", StandardCharsets.UTF_8);
        started = true;
      }
      try (var channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.APPEND)) {
        channel.write(
            java.nio.ByteBuffer.wrap(
                (LINE.writeValueAsString(trial) + "\n").getBytes(StandardCharsets.UTF_8)));
        channel.force(false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + file, e);
    }
  }

  private static Optional<TuneReport.Trial> parse(String line) {
    try {
      return Optional.of(Mappers.json().readValue(line, TuneReport.Trial.class));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * What makes two runs the same search: the config (less what only changes how fast it runs) and
   * the data's digest.
   */
  private static String header(PrecisConfig config, InputFile data) {
    ObjectNode tree = Mappers.json().valueToTree(config);
    ((ObjectNode) tree.path("tune")).remove(List.of("time_budget", "parallel"));
    ((ObjectNode) tree.path("engine")).remove("threads");
    ObjectNode header = Mappers.json().createObjectNode();
    header.put("journal", FORMAT);
    header.put(
        "search", InputFile.sha256(tree.toString() + "\n" + (data == null ? "" : data.sha256())));
    return header.toString();
  }
}
