package dev.precis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies bin/precis's class-data archive: a stale one is replaced, and a dump cut short is never
 * kept for later runs to start on. Runs the launcher in a root of its own whose jar is a small
 * program ({@link LauncherProbe}), so that nothing is built.
 */
class LauncherArchiveTest {
  private static final String PROBE = "dev/precis/cli/LauncherProbe.class";
  private static final String RECORDING =
      "precis: recording the classes of a run on sample-data/ for faster starts (once per build)"
          + " ...\n";

  /** A root with bin/precis and a jar newer than its sources, so the launcher builds nothing. */
  private static Path root(Path dir) throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Files.copy(Path.of("bin/precis"), bin.resolve("precis"));
    assertTrue(bin.resolve("precis").toFile().setExecutable(true));
    FileTime old = FileTime.from(Instant.now().minusSeconds(3600));
    Files.setLastModifiedTime(Files.writeString(dir.resolve("pom.xml"), "<project/>"), old);
    Files.setLastModifiedTime(Files.createDirectories(dir.resolve("src/main")), old);
    Files.createDirectories(dir.resolve("target/lib"));
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "dev.precis.cli.LauncherProbe");
    Path jar = dir.resolve("target/precis.jar");
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest);
        InputStream in = LauncherArchiveTest.class.getClassLoader().getResourceAsStream(PROBE)) {
      out.putNextEntry(new JarEntry(PROBE));
      in.transferTo(out);
    }
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
    return dir;
  }

  /** Runs bin/precis with {@code path} first on PATH; returns its exit status and output. */
  private static Run precis(Path root, Path path) throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(root.resolve("bin/precis").toString(), "hello")
            .redirectErrorStream(true)
            .directory(root.toFile());
    builder.environment().put("PATH", path + ":" + System.getenv("PATH"));
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Run(process.waitFor(), output);
  }

  private record Run(int status, String output) {}

  /** A folder holding `java`: the test's own JVM, under its own name. */
  private static Path realJava(Path dir) throws IOException {
    Path bin = Files.createDirectories(dir);
    String java = ProcessHandle.current().info().command().orElseThrow();
    Files.writeString(bin.resolve("java"), "#!/bin/sh\nexec '" + java + "' \"$@\"\n");
    assertTrue(bin.resolve("java").toFile().setExecutable(true));
    return bin;
  }

  @Test
  void replacesAStaleArchiveAndStartsOnTheNewOne(@TempDir Path dir) throws Exception {
    Path root = root(dir.resolve("root"));
    Path java = realJava(dir.resolve("java"));
    Path archive = root.resolve("target/precis.jsa");
    byte[] stale = "an archive of an older build".getBytes(StandardCharsets.UTF_8);
    Files.write(archive, stale);
    Files.setLastModifiedTime(archive, FileTime.from(Instant.now().minusSeconds(120)));
    assertEquals(new Run(0, RECORDING + "probe ran hello\n"), precis(root, java));
    assertNotEquals(stale.length, Files.size(archive), "the stale archive was not replaced");
    // the next run starts on it, and records nothing
    assertEquals(new Run(0, "probe ran hello\n"), precis(root, java));
    try (var left = Files.list(root.resolve("target"))) {
      assertEquals(
          List.of("lib", "precis.jar", "precis.jsa"),
          left.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void neverKeepsADumpCutShort(@TempDir Path dir) throws Exception {
    Path root = root(dir.resolve("root"));
    // a java that cuts the archive it dumps to 4 KiB, as a killed process or a full disk would
    Path java = realJava(dir.resolve("real"));
    Path cutting = Files.createDirectories(dir.resolve("cutting"));
    Files.writeString(
        cutting.resolve("java"),
        "#!/bin/sh\n"
            + "'"
            + java.resolve("java")
            + "' \"$@\"; status=$?\n"
            + "for a in \"$@\"; do case $a in -XX:ArchiveClassesAtExit=*)"
            + " truncate -s 4096 \"${a#*=}\";; esac; done\n"
            + "exit $status\n");
    assertTrue(cutting.resolve("java").toFile().setExecutable(true));
    assertEquals(new Run(0, RECORDING + "probe ran hello\n"), precis(root, cutting));
    assertFalse(Files.exists(root.resolve("target/precis.jsa")), "a cut archive was kept");
    try (var files = Files.list(root)) {
      // the check of the cut archive leaves no JVM crash report in the caller's folder
      assertEquals(
          List.of("bin", "pom.xml", "src", "target"),
          files.map(p -> p.getFileName().toString()).sorted().toList());
    }
    // a JVM that failed to dump is not asked again until the next build
    assertEquals(new Run(0, "probe ran hello\n"), precis(root, java));
    assertFalse(Files.exists(root.resolve("target/precis.jsa")));
    Path jar = root.resolve("target/precis.jar");
    // a build: the jar newer than the failed attempt
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(1)));
    assertEquals(new Run(0, RECORDING + "probe ran hello\n"), precis(root, java));
    assertTrue(Files.exists(root.resolve("target/precis.jsa")));
  }
}
