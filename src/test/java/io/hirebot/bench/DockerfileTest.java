package io.hirebot.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The benchmark's child JVM runs with the Dockerfile's flags, so section 5 measures what operators run. */
class DockerfileTest {
  private static final Path DOCKERFILE = Path.of("Dockerfile");

  @Test
  @DisplayName("the Dockerfile's java command and its class-data training start carry the benchmark's JVM flags and environment")
  void sameFlags() throws Exception {
    // GIVEN the Dockerfile
    String dockerfile = Files.readString(DOCKERFILE);
    String entrypoint = dockerfile.lines().dropWhile(l -> !l.startsWith("ENTRYPOINT"))
        .takeWhile(l -> !l.isBlank()).reduce("", (a, b) -> a + b.replace("\\", ""));
    List<String> command = List.of(new ObjectMapper()
        .readValue(entrypoint.substring("ENTRYPOINT".length()).trim(), String[].class));
    String training = dockerfile.substring(dockerfile.indexOf("-XX:ArchiveClassesAtExit") - 300,
        dockerfile.indexOf("-XX:ArchiveClassesAtExit"));

    // THEN every flag of the benchmark's child JVM is in the ENTRYPOINT and in the training start
    for (String flag : ChildBot.JVM_FLAGS) {
      assertTrue(command.contains(flag), "ENTRYPOINT " + command + " lacks " + flag);
      assertTrue(training.contains(flag), "the class-data training start lacks " + flag + ": " + training);
    }
    // AND the environment the child gets is the image's
    for (Map.Entry<String, String> env : ChildBot.JVM_ENV.entrySet()) {
      String setting = env.getKey() + "=" + env.getValue();
      assertTrue(dockerfile.lines().anyMatch(l -> l.equals("ENV " + setting)), "no ENV " + setting);
      assertTrue(training.contains(setting), "the class-data training start lacks " + setting + ": " + training);
    }
  }
}
