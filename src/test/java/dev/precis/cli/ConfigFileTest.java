package dev.precis.cli;

import static dev.precis.cli.OneLineError.assertOneLineError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies what --config says about a file that is not a YAML config: one usage line (exit 2)
 * naming the file, and the line where that helps, without echoing its bytes.
 */
class ConfigFileTest {
  private static final int USAGE = 2;

  @TempDir Path dir;

  @Test
  void programGivenAsTheConfigIsNamedAsBinary() throws IOException {
    byte[] program = new byte[2048];
    byte[] elf = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0};
    System.arraycopy(elf, 0, program, 0, elf.length);
    for (int i = elf.length; i < program.length; i++) {
      program[i] = (byte) (i * 37);
    }
    Path ls = Files.write(dir.resolve("ls"), program);
    assertOneLineError(
        train(ls), USAGE, "ls: not a YAML text file (it holds binary data)", "config written for");
  }

  @Test
  void configNotInUtf8NamesTheLineAndTheByte() throws IOException {
    Path config =
        Files.write(
            dir.resolve("latin.yaml"),
            "version: 1\ndata:\n  positive: \"sí\"\n".getBytes(StandardCharsets.ISO_8859_1));
    assertOneLineError(
        train(config), USAGE, "latin.yaml:3:", "not valid UTF-8 (0xED)", "save the config file");
  }

  @Test
  void controlCharacterInConfigIsNamedNotPrinted() throws IOException {
    Path config = Files.writeString(dir.resolve("ctl.yaml"), "data:\n  positive: ye\u0001s\n");
    assertOneLineError(train(config), USAGE, "ctl.yaml:2:", "U+0001");
  }

  @Test
  void yamlSyntaxErrorIsOneLineAtTheLineOfTheProblem() throws IOException {
    Path config = Files.writeString(dir.resolve("tab.yaml"), "version: 1\ndata:\n\ttarget: y\n");
    assertOneLineError(train(config), USAGE, "tab.yaml:3: not valid YAML", "TAB");
  }

  @Test
  void directoryGivenAsTheConfigIsNamedAsOne() {
    assertOneLineError(train(dir), USAGE, "is a directory", "--config");
  }

  private CliRun train(Path config) {
    return CliRun.train(
        BankData.CSV.toString(),
        dir.resolve("model.precis").toString(),
        "--config",
        config.toString());
  }
}
