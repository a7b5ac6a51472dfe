package dev.precis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.precis.cli.MalformedVariants.Variant;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * Bad input made by machine: malformed copies of the bank sample ({@link MalformedVariants}) run
 * through prep, train, eval and predict. Whatever the damage, precis answers as a tool does: exit 0
 * with complete outputs, or exit 2 or 3 with one plain "precis: error:" line, never an internal
 * error; and it changes no file but its own outputs, leaving none of them half-written.
 *
 * <p>Each test is named for its seed, which makes the same file and command again: {@code mvn -o
 * test -Dtest=GeneratedBadInputTest -Dprecis.fuzz.seed=N -Dprecis.fuzz.count=1}.
 */
class GeneratedBadInputTest {
  private static final long BASE_SEED = 5_000;
  private static final int VARIANTS = 120;
  private static final long FIRST_SEED = Long.getLong("precis.fuzz.seed", BASE_SEED);
  private static final int COUNT = Integer.getInteger("precis.fuzz.count", VARIANTS);
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final String ERROR = "precis: error: ";
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Library internals in a message: package names, exception classes, stack frames, "Class:", and
   * Jackson's REDACTED placeholder for the source it would not show.
   */
  private static final Pattern JAVA_TEXT =
      Pattern.compile(
          "\\b(?:java|javax|jdk|sun|org|com|net)\\.[a-z]"
              + "|Exception|[a-z]Error\\b"
              + "|\\bat [a-z]+\\."
              + "|\\b[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+:"
              + "|REDACTED");

  /** What a successful run must not write: input decoded lossily, or a byte-order mark as text. */
  private static final List<Mark> MANGLED =
      List.of(
          new Mark("\u00EF\u00BF\u00BD", "\\ufffd", "U+FFFD: input bytes were decoded lossily"),
          new Mark("\u00EF\u00BB\u00BF", "\\ufeff", "U+FEFF: a byte-order mark was read as text"));

  @TempDir static Path root;
  private static Path model;

  @BeforeAll
  static void trainOneModelOnTheCleanFile() throws IOException {
    model = Files.createDirectory(root.resolve("model")).resolve("bank.precis");
    CliRun run =
        CliRun.train(
            BankData.CSV.toString(), model.toString(), "--set", "prep.missing.tokens=[unknown]");
    assertEquals(0, run.exitCode(), run.transcript());
  }

  @TestFactory
  Stream<DynamicTest> malformedBankFiles() {
    return LongStream.range(FIRST_SEED, FIRST_SEED + COUNT)
        .mapToObj(
            seed -> {
              Variant variant = MalformedVariants.of(seed);
              Plan plan = Plan.of(seed);
              return dynamicTest(
                  "seed " + seed + ": " + variant.description() + " | " + plan.label(),
                  () -> check(variant, plan));
            });
  }

  /** Runs one variant through its command and fails with every property it broke. */
  private static void check(Variant variant, Plan plan) throws IOException {
    Path dir = Files.createDirectory(root.resolve("seed-" + variant.seed()));
    try {
      Path data = Files.write(dir.resolve(variant.fileName()), variant.bytes());
      List<String> args = plan.args(dir, data);
      List<Path> outputs = plan.outputs(dir);
      Map<Path, String> before = snapshot(root);
      TreeSet<String> workingDirectory = names(Path.of("").toAbsolutePath());

      List<String> problems = new ArrayList<>();
      CliRun run = null;
      try {
        run = assertTimeoutPreemptively(PATIENCE, () -> CliRun.precis(args));
      } catch (AssertionFailedError e) {
        problems.add("did not finish within " + PATIENCE.toSeconds() + " s");
      } catch (Throwable e) {
        problems.add("let " + e + " escape from Main.run: the process would crash");
      }
      if (run != null && run.exitCode() != 0) {
        problems.addAll(errorProblems(run));
        for (Path output : outputs) {
          if (Files.exists(output, LinkOption.NOFOLLOW_LINKS)) {
            problems.add("failed but left its output " + root.relativize(output));
          }
        }
      } else if (run != null) {
        problems.addAll(plan.outputProblems(dir, variant));
        problems.addAll(mangledOutputs(outputs));
      }
      problems.addAll(changesOutside(outputs, before, snapshot(root)));
      problems.addAll(temporaries(root));
      if (!workingDirectory.equals(names(Path.of("").toAbsolutePath()))) {
        problems.add("changed the working directory");
      }
      if (!problems.isEmpty()) {
        fail(report(variant, plan, args, problems, run));
      }
    } finally {
      delete(dir);
    }
  }

  private static String report(
      Variant variant, Plan plan, List<String> args, List<String> problems, CliRun run) {
    return "seed "
        + variant.seed()
        + ": "
        + variant.description()
        + " | "
        + plan.label()
        + "\nrerun: mvn -o -q test -Dtest=GeneratedBadInputTest -Dprecis.fuzz.seed="
        + variant.seed()
        + " -Dprecis.fuzz.count=1\nprecis "
        + String.join(" ", args)
        + "\n  - "
        + String.join("\n  - ", problems)
        + "\n"
        + (run == null ? "" : run.transcript());
  }

  // ---- the properties

  /**
   * A failed run: exit 2 or 3, and one plain error line that shows nothing of Java. The error is
   * the last thing on standard error; a command's progress lines may come before it.
   */
  private static List<String> errorProblems(CliRun run) {
    List<String> problems = new ArrayList<>();
    if (run.exitCode() != 2 && run.exitCode() != 3) {
      problems.add("exit " + run.exitCode() + ", expected 0, 2 or 3");
    }
    String err =
        run.err().endsWith("\n") ? run.err().substring(0, run.err().length() - 1) : run.err();
    int start = err.startsWith(ERROR) ? 0 : err.indexOf("\n" + ERROR) + 1;
    if (start == 0 && !err.startsWith(ERROR)) {
      problems.add("standard error has no line starting '" + ERROR + "'");
      start = err.lastIndexOf('\n') + 1;
    }
    String message = err.substring(start);
    if (err.substring(0, start).contains("precis:")) {
      problems.add("standard error has more than one 'precis:' line");
    }
    Matcher java = JAVA_TEXT.matcher(run.err());
    if (java.find()) {
      problems.add("standard error shows Java internals: '" + java.group() + "'");
    }
    message
        .codePoints()
        .filter(c -> Character.isISOControl(c) || c == 0xFFFD || c == 0xFEFF)
        .distinct()
        .forEach(
            c ->
                problems.add(
                    c == '\n'
                        ? "the error message is not one line: more follows it"
                        : String.format("the error message holds the character U+%04X", c)));
    return problems;
  }

  /** Files or directories created, changed or removed anywhere but at the outputs. */
  private static List<String> changesOutside(
      List<Path> outputs, Map<Path, String> before, Map<Path, String> after) {
    List<String> problems = new ArrayList<>();
    TreeSet<Path> paths = new TreeSet<>(before.keySet());
    paths.addAll(after.keySet());
    for (Path path : paths) {
      if (outputs.stream().anyMatch(path::startsWith) || isTemporary(path)) {
        continue;
      }
      String was = before.get(path);
      String is = after.get(path);
      if (!Objects.equals(was, is)) {
        String change = was == null ? "created" : is == null ? "removed" : "changed";
        problems.add(change + " " + root.relativize(path) + ", which is not an output");
      }
    }
    return problems;
  }

  private static List<String> temporaries(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(GeneratedBadInputTest::isTemporary)
          .map(p -> "left the temporary " + root.relativize(p))
          .toList();
    }
  }

  private static boolean isTemporary(Path path) {
    String name = path.getFileName().toString();
    return name.startsWith(".") && name.contains(".tmp-");
  }

  /** Replacement characters or a byte-order mark in the text a successful run wrote. */
  private static List<String> mangledOutputs(List<Path> outputs) throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path output : outputs) {
      if (!Files.exists(output)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(output)) {
        for (Path file : walk.filter(Files::isRegularFile).toList()) {
          texts(file)
              .forEach(
                  (name, text) ->
                      MANGLED.stream()
                          .filter(mark -> mark.in(text))
                          .forEach(mark -> problems.add(name + " holds " + mark.meaning())));
        }
      }
    }
    return problems;
  }

  /**
   * A character that should not be in an output, as its UTF-8 bytes read as Latin-1 and as a JSON
   * escape.
   */
  private record Mark(String bytes, String escape, String meaning) {
    boolean in(String latin1) {
      return latin1.contains(bytes) || latin1.toLowerCase(Locale.ROOT).contains(escape);
    }
  }

  /**
   * The text files among the outputs, by name, each as Latin-1 so every byte stays one character: a
   * plain file, or the text entries of a bundle (a zip).
   */
  private static Map<String, String> texts(Path file) throws IOException {
    Map<String, String> texts = new TreeMap<>();
    String name = root.relativize(file).toString();
    if (!name.endsWith(".precis")) {
      texts.put(name, Files.readString(file, StandardCharsets.ISO_8859_1));
      return texts;
    }
    try (ZipFile zip = new ZipFile(file.toFile())) {
      for (var entry : Collections.list(zip.entries())) {
        if (entry.getName().matches(".*\\.(json|yaml|csv)")) {
          try (var in = zip.getInputStream(entry)) {
            texts.put(
                name + "!" + entry.getName(),
                new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
          }
        }
      }
    } catch (IOException e) {
      // a bundle that is not a zip is reported by the train check
    }
    return texts;
  }

  // ---- what each command must have written when it exits 0

  private static List<String> prepProblems(Path out, Variant variant) throws IOException {
    List<String> problems = new ArrayList<>();
    JsonNode report = json(out.resolve(PrepCommand.REPORT), "precis.prep/2", problems);
    json(out.resolve("pipeline.json"), null, problems);
    if (report == null) {
      return problems;
    }
    long rows = report.path("unlabelled").asLong();
    for (String part : List.of("train", "valid", "test")) {
      long partRows = report.path("splits").path(part).path("rows").asLong();
      rows += partRows;
      Path file = out.resolve(part + ".csv");
      if (partRows > 0 && !Files.isRegularFile(file)) {
        problems.add("prep reports " + partRows + " " + part + " rows but wrote no " + file);
      } else if (partRows > 0 && csvRecords(file) != partRows + 1) {
        problems.add(
            part + ".csv holds " + (csvRecords(file) - 1) + " rows, the report says " + partRows);
      }
    }
    if (report.path("splits").path("train").path("rows").asLong() == 0) {
      problems.add("prep succeeded with no training rows");
    }
    if (variant.rows().isPresent() && rows != variant.rows().getAsInt()) {
      problems.add(
          "prep accounts for " + rows + " rows of the file's " + variant.rows().getAsInt());
    }
    return problems;
  }

  private static List<String> trainProblems(Path bundle, Path reportFile) throws IOException {
    List<String> problems = new ArrayList<>();
    json(reportFile, "precis.train/1", problems);
    if (!Files.isRegularFile(bundle)) {
      problems.add("train wrote no " + bundle.getFileName());
      return problems;
    }
    try (ZipFile zip = new ZipFile(bundle.toFile())) {
      for (String entry : List.of("manifest.json", "model.tribuo", "pipeline.json")) {
        if (zip.getEntry(entry) == null) {
          problems.add("the bundle has no " + entry);
        }
      }
    } catch (IOException e) {
      problems.add("the bundle is not a zip: " + e.getMessage());
    }
    return problems;
  }

  private static List<String> evalProblems(Path reportFile, Variant variant) throws IOException {
    List<String> problems = new ArrayList<>();
    JsonNode report = json(reportFile, "precis.eval/2", problems);
    if (report != null && variant.rows().isPresent()) {
      long rows =
          report.path("metrics").path("rows").asLong() + report.path("skippedRows").asLong();
      if (rows != variant.rows().getAsInt()) {
        problems.add(
            "eval accounts for " + rows + " rows of the file's " + variant.rows().getAsInt());
      }
    }
    return problems;
  }

  private static List<String> predictProblems(Path scores, Path summaryFile, Variant variant)
      throws IOException {
    List<String> problems = new ArrayList<>();
    JsonNode summary = json(summaryFile, "precis.predict/1", problems);
    if (!Files.isRegularFile(scores)) {
      problems.add("predict wrote no " + scores.getFileName());
      return problems;
    }
    List<CSVRecord> records;
    try (Reader in = Files.newBufferedReader(scores, StandardCharsets.UTF_8)) {
      records = CSVFormat.DEFAULT.builder().setHeader().build().parse(in).getRecords();
      for (CSVRecord record : records) {
        double score = Double.parseDouble(record.get("score"));
        if (!(score >= 0 && score <= 1)) {
          problems.add("line " + (record.getRecordNumber() + 1) + " has the score " + score);
          break;
        }
      }
    } catch (IOException | RuntimeException e) {
      problems.add(scores.getFileName() + " is not a CSV of scores: " + e.getMessage());
      return problems;
    }
    if (summary != null) {
      long scored = summary.path("rows").asLong();
      if (records.size() != scored) {
        problems.add("predict wrote " + records.size() + " rows, its summary says " + scored);
      }
      long rows = scored + summary.path("skippedRows").asLong();
      if (variant.rows().isPresent() && rows != variant.rows().getAsInt()) {
        problems.add(
            "predict accounts for " + rows + " rows of the file's " + variant.rows().getAsInt());
      }
    }
    return problems;
  }

  /** The JSON in a file, or null with a problem added when it is absent, unreadable or not it. */
  private static JsonNode json(Path file, String schema, List<String> problems) {
    if (!Files.isRegularFile(file)) {
      problems.add("wrote no " + file.getFileName());
      return null;
    }
    try {
      JsonNode node = JSON.readTree(file.toFile());
      if (schema != null && !schema.equals(node.path("schema").asText())) {
        problems.add(file.getFileName() + " has the schema '" + node.path("schema").asText() + "'");
      }
      return node;
    } catch (IOException e) {
      problems.add(file.getFileName() + " is not JSON: " + e.getMessage());
      return null;
    }
  }

  /** Records in a CSV file, header included; -1 when it cannot be parsed. */
  private static long csvRecords(Path file) {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return CSVFormat.DEFAULT.parse(in).stream().count();
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  // ---- which command a variant goes through

  private enum Command {
    PREP,
    TRAIN,
    EVAL,
    PREDICT
  }

  /**
   * The command a variant is run through, with its options, picked by the seed. Mostly prep, which
   * trains nothing; eval and predict score with the one model trained on the clean file.
   *
   * @param configFile whether prep and train get a copy of bank.yaml pointing at the variant
   *     (otherwise --data, --target and --set)
   */
  private record Plan(Command command, boolean configFile, List<String> options) {
    static Plan of(long seed) {
      SplittableRandom random = new SplittableRandom(~seed);
      int roll = random.nextInt(20);
      Command command =
          roll < 12
              ? Command.PREP
              : roll < 14 ? Command.TRAIN : roll < 17 ? Command.EVAL : Command.PREDICT;
      List<String> options = new ArrayList<>();
      if (command == Command.TRAIN) {
        options.addAll(List.of("--set", "model.params.epochs=2"));
      }
      if (command == Command.PREDICT) {
        options.addAll(
            List.of(
                    List.<String>of(),
                    List.of("--top-percent", "10"),
                    List.of("--threshold", "0.3"))
                .get(random.nextInt(3)));
      }
      if ((command == Command.EVAL || command == Command.PREDICT) && random.nextBoolean()) {
        options.addAll(List.of("--set", "predict.bad_rows=skip"));
      }
      return new Plan(command, random.nextBoolean(), options);
    }

    String label() {
      String how =
          switch (command) {
            case PREP, TRAIN -> configFile ? " --config" : " --data --target";
            case EVAL, PREDICT -> "";
          };
      return command.name().toLowerCase(Locale.ROOT)
          + how
          + (options.isEmpty() ? "" : " " + String.join(" ", options));
    }

    List<String> args(Path dir, Path data) throws IOException {
      List<String> args = new ArrayList<>();
      args.add(command.name().toLowerCase(Locale.ROOT));
      switch (command) {
        case PREP, TRAIN -> args.addAll(dataArgs(dir, data));
        case EVAL, PREDICT ->
            args.addAll(List.of("--model", model.toString(), "--data", data.toString()));
      }
      args.addAll(options);
      args.addAll(List.of("--out", outputs(dir).get(0).toString()));
      return args;
    }

    private List<String> dataArgs(Path dir, Path data) throws IOException {
      if (!configFile) {
        return List.of(
            "--data", data.toString(), "--target", "y", "--set", "prep.missing.tokens=[unknown]");
      }
      String yaml = Files.readString(Path.of("sample-data/bank/bank.yaml"), StandardCharsets.UTF_8);
      String pointed =
          yaml.replace("path: bank-additional-full.csv", "path: " + data.getFileName().toString());
      if (pointed.equals(yaml)) {
        throw new IllegalStateException("bank.yaml no longer names bank-additional-full.csv");
      }
      Path config = Files.writeString(dir.resolve("bank.yaml"), pointed, StandardCharsets.UTF_8);
      return List.of("--config", config.toString());
    }

    /** What the command writes: --out first, then what it writes beside it. */
    List<Path> outputs(Path dir) {
      return switch (command) {
        case PREP -> List.of(dir.resolve("prepared"));
        case TRAIN -> List.of(dir.resolve("m.precis"), dir.resolve("m.train-report.json"));
        case EVAL -> List.of(dir.resolve("eval.json"));
        case PREDICT -> List.of(dir.resolve("s.csv"), dir.resolve("s.summary.json"));
      };
    }

    List<String> outputProblems(Path dir, Variant variant) throws IOException {
      List<Path> outputs = outputs(dir);
      return switch (command) {
        case PREP -> prepProblems(outputs.get(0), variant);
        case TRAIN -> trainProblems(outputs.get(0), outputs.get(1));
        case EVAL -> evalProblems(outputs.get(0), variant);
        case PREDICT -> predictProblems(outputs.get(0), outputs.get(1), variant);
      };
    }
  }

  // ---- files

  /** Every path under {@code dir} with the SHA-256 of its content ("dir" for directories). */
  private static Map<Path, String> snapshot(Path dir) throws IOException {
    Map<Path, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path path : walk.toList()) {
        files.put(
            path,
            Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)
                ? "dir"
                : Files.isSymbolicLink(path)
                    ? "link to " + Files.readSymbolicLink(path)
                    : sha256(path));
      }
    }
    return files;
  }

  private static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static TreeSet<String> names(Path dir) {
    return new TreeSet<>(BankData.listing(dir));
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder())
          .forEach(
              path -> {
                try {
                  Files.delete(path);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}
