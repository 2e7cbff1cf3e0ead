package io.hirebot.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Temporary directories the benchmark's databases live in, deleted with their contents when the JVM exits: a flood
 * leaves an H2 file of one to two gigabytes (H2 keeps each commit's chunk for its retention time), and
 * {@code File.deleteOnExit} removes only empty directories, so runs used to fill the disk.
 */
final class TempDirs {
  private static final List<Path> CREATED = new ArrayList<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(TempDirs::deleteAll, "bench-temp-dirs"));
  }

  private TempDirs() {}

  /** A new empty directory named {@code prefix…} under the system's temp directory, gone when this JVM exits. */
  static Path create(String prefix) {
    try {
      Path dir = Files.createTempDirectory(prefix);
      synchronized (CREATED) {
        CREATED.add(dir);
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temp directory " + prefix, e);
    }
  }

  private static void deleteAll() {
    synchronized (CREATED) {
      CREATED.forEach(TempDirs::deleteTree);
    }
  }

  static void deleteTree(Path dir) {
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.deleteIfExists(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
          Files.deleteIfExists(d);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      System.err.println("bench: could not delete " + dir + ": " + e);
    }
  }
}
