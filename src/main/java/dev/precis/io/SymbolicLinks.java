package dev.precis.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a path leads once its symbolic links are followed, even to a file that does not exist yet:
 * an output written through a link replaces what it points to and leaves the link in place.
 */
final class SymbolicLinks {
  /** Links followed before giving up, as the kernel does. */
  private static final int MAX_LINKS = 40;

  private SymbolicLinks() {}

  /**
   * The file a path names once its links are followed: the real path of an existing file, else
   * where a dangling link leads (a file to create), else the path itself.
   */
  static Path follow(Path path) {
    try {
      if (Files.exists(path)) {
        return path.toRealPath();
      }
      Path target = path.toAbsolutePath();
      for (int hops = 0; hops < MAX_LINKS && Files.isSymbolicLink(target); hops++) {
        target = target.resolveSibling(Files.readSymbolicLink(target));
      }
      return target;
    } catch (IOException e) {
      return path.toAbsolutePath();
    }
  }
}
