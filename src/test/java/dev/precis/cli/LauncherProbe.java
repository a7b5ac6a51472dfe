package dev.precis.cli;

/** A program for {@link LauncherArchiveTest} to run through bin/precis: it says that it ran. */
public final class LauncherProbe {
  private LauncherProbe() {}

  public static void main(String[] args) {
    System.out.println("probe ran " + String.join(" ", args));
  }
}
