package dev.precis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The shipped completion scripts are the ones the current commands generate. */
class CompletionsTest {
  private static final String REGENERATE =
      "completions/ is out of date with the commands; regenerate it with\n"
          + "  bin/precis completion bash > completions/precis.bash && bin/precis completion zsh >"
          + " completions/_precis";

  @Test
  void bashScriptMatchesTheCommands() throws IOException {
    assertEquals(
        CompletionCommand.script(CompletionCommand.Shell.bash),
        Files.readString(Path.of("completions/precis.bash")),
        REGENERATE);
  }

  @Test
  void zshScriptMatchesTheCommands() throws IOException {
    assertEquals(
        CompletionCommand.script(CompletionCommand.Shell.zsh),
        Files.readString(Path.of("completions/_precis")),
        REGENERATE);
  }

  @Test
  void scriptsCompleteEverySubcommandAndItsOptions() {
    String bash = CompletionCommand.script(CompletionCommand.Shell.bash);
    for (String word :
        new String[] {
          "prep", "train", "eval", "tune", "predict", "--top-percent", "--fail-under"
        }) {
      assertTrue(bash.contains(word), "completion lacks " + word);
    }
  }

  @Test
  void completionCommandPrintsTheScript() {
    CliRun run = CliRun.precis("completion", "bash");
    assertEquals(0, run.exitCode(), run.transcript());
    assertEquals(CompletionCommand.script(CompletionCommand.Shell.bash), run.out());
  }
}
