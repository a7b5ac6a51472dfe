package dev.precis.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Specifies `--help`: on an 80-column terminal every example can be copied and run as shown. */
class HelpTest {
  private static final int TERMINAL = 80;

  @Test
  void everyExampleLineIsPrintedWhole() {
    for (CommandLine command : everyCommand()) {
      List<String> printed = Arrays.asList(usage(command, TERMINAL).split("\\R"));
      for (String line : command.getCommandSpec().usageMessage().footer()) {
        if (line.startsWith("  ")) {
          assertTrue(
              printed.contains(line),
              command.getCommandName()
                  + " --help wraps the example line\n"
                  + line
                  + "\n(keep it under "
                  + TERMINAL
                  + " columns; split it with a trailing \\)");
        }
      }
    }
  }

  @Test
  void noWordIsBrokenAcrossLines() {
    for (CommandLine command : everyCommand()) {
      List<String> whole = words(usage(command, 1000));
      List<String> wrapped = words(usage(command, TERMINAL));
      int i = 0;
      while (i < whole.size() && i < wrapped.size() && whole.get(i).equals(wrapped.get(i))) {
        i++;
      }
      assertEquals(
          whole.size(),
          i,
          command.getCommandName()
              + " --help breaks '"
              + (i < whole.size() ? whole.get(i) : "")
              + "' at "
              + TERMINAL
              + " columns");
    }
  }

  /**
   * picocli formats a command's description and footer with String.format, and prints one that
   * fails raw, with a warning.
   */
  @Test
  void everyHelpTextIsAValidFormat() {
    for (CommandLine command : everyCommand()) {
      CommandLine.Model.UsageMessageSpec help = command.getCommandSpec().usageMessage();
      List<String> texts = new ArrayList<>(Arrays.asList(help.description()));
      texts.addAll(Arrays.asList(help.footer()));
      for (String text : texts) {
        assertDoesNotThrow(
            () -> String.format(java.util.Locale.ROOT, text),
            command.getCommandName() + " --help: a lone % in '" + text + "' (write %%)");
      }
    }
  }

  @Test
  void completionHelpShowsTheZshPathAsTyped() {
    CliRun run = CliRun.precis("completion", "--help");
    assertEquals(0, run.exitCode(), run.transcript());
    assertTrue(run.out().contains("\"${fpath[1]}/_precis\""), run.out());
  }

  private static List<CommandLine> everyCommand() {
    CommandLine main = Main.commandLine();
    List<CommandLine> all = new ArrayList<>(List.of(main));
    all.addAll(main.getSubcommands().values());
    return all;
  }

  private static String usage(CommandLine command, int width) {
    command.setUsageHelpWidth(width);
    return command.getUsageMessage(CommandLine.Help.Ansi.OFF);
  }

  private static List<String> words(String text) {
    return Arrays.asList(text.trim().split("\\s+"));
  }
}
