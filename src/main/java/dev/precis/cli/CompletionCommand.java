package dev.precis.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = {
      "Print the shell completion script, generated from the commands themselves.",
      "The same scripts ship in completions/."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  source <(precis completion bash)                # bash, this shell",
      // picocli reads ${...} as a variable; $$ keeps the dollar for zsh.
      "  precis completion zsh > \"$${fpath[1]}/_precis\"   # zsh, for good"
    })
final class CompletionCommand implements Callable<Integer> {
  /** Shells with a completion script. */
  enum Shell {
    bash,
    zsh
  }

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
  Shell shell;

  @Override
  public Integer call() {
    spec.commandLine().getOut().print(script(shell));
    spec.commandLine().getOut().flush();
    return 0;
  }

  static String script(Shell shell) {
    String bash = AutoComplete.bash("precis", Main.commandLine());
    if (shell == Shell.bash) {
      return bash;
    }
    // picocli's script runs in zsh through bash-completion emulation.
    return "#compdef precis\n"
        + "autoload -U +X compinit && compinit\n"
        + "autoload -U +X bashcompinit && bashcompinit\n\n"
        + bash;
  }
}
