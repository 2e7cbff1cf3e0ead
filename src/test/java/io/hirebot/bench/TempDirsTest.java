package io.hirebot.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class TempDirsTest {
  @Test
  void deletesADatabaseDirectoryWithItsFiles() throws Exception {
    var dir = TempDirs.create("hirebot-temp-dirs-test");
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("bench.mv.db"), "x");
    Files.writeString(dir.resolve("sub").resolve("bench.trace.db"), "y");
    assertTrue(Files.isDirectory(dir));

    TempDirs.deleteTree(dir);

    assertFalse(Files.exists(dir), "the directory and everything in it are gone");
  }
}
