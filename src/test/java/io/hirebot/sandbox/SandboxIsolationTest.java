package io.hirebot.sandbox;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The sandbox's main code imports nothing of the bot and nothing of the Feishu SDK. */
class SandboxIsolationTest {

  @Test
  @DisplayName("src/main sandbox sources import neither other io.hirebot packages nor com.lark.oapi")
  void imports() throws IOException {
    Path root = Path.of("src/main/java/io/hirebot/sandbox");
    List<String> offenders;
    try (Stream<Path> files = Files.walk(root)) {
      offenders = files.filter(p -> p.toString().endsWith(".java")).flatMap(p -> {
        try {
          return Files.readAllLines(p).stream().filter(l -> l.startsWith("import"))
              .filter(l -> l.contains("com.lark.oapi") || l.matches("import (static )?io\\.hirebot\\.(?!sandbox[.;]).*"))
              .map(l -> p + ": " + l);
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }).toList();
    }
    assertTrue(offenders.isEmpty(), offenders.toString());
  }
}
