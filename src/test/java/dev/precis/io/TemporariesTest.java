package dev.precis.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies how a finished temporary takes its place: it replaces the target only when asked to, so
 * a file that another program made while Precis was writing survives a run without --force.
 */
class TemporariesTest {
  @TempDir Path dir;

  @Test
  void withoutReplaceAFileThatAppearedMeanwhileIsKept() throws IOException {
    Path target = Files.writeString(dir.resolve("scores.csv"), "someone else's\n");
    Path temp = Files.writeString(Temporaries.siblingOf(target), "ours\n");
    assertThrows(
        FileAlreadyExistsException.class, () -> Temporaries.moveIntoPlace(temp, target, false));
    assertEquals("someone else's\n", Files.readString(target));
  }

  @Test
  void withoutReplaceAFreeNameIsTaken() throws IOException {
    Path target = dir.resolve("scores.csv");
    Path temp = Files.writeString(Temporaries.siblingOf(target), "ours\n");
    Temporaries.moveIntoPlace(temp, target, false);
    assertEquals("ours\n", Files.readString(target));
    assertFalse(Files.exists(temp));
  }

  @Test
  void withReplaceTheTargetIsReplaced() throws IOException {
    Path target = Files.writeString(dir.resolve("scores.csv"), "old\n");
    Path temp = Files.writeString(Temporaries.siblingOf(target), "new\n");
    Temporaries.moveIntoPlace(temp, target, true);
    assertEquals("new\n", Files.readString(target));
    assertFalse(Files.exists(temp));
  }
}
