package io.hirebot.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfile's training start is recognised as one (it then warms TLS up for the production starts its archive
 * serves), and the production start as a start from the cache (its warm-up skips the throwaway bot).
 */
class ClassArchiveTest {
  @Test
  @DisplayName("the Dockerfile's training java command records an archive; its ENTRYPOINT reads it")
  void dockerfilesTraining() throws Exception {
    // GIVEN the Dockerfile's training start (the RUN that starts java in the runtime stage) and its ENTRYPOINT
    String dockerfile = Files.readString(Path.of("Dockerfile"));
    String runtime = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
    int sandboxStart = runtime.indexOf("--sandbox");
    int run = runtime.lastIndexOf("\nRUN ", sandboxStart);
    String training = run < 0 ? "" : runtime.substring(run, sandboxStart + "--sandbox".length());
    assertTrue(training.contains("java ") && training.contains("--sandbox"), "no training start found: " + training);
    List<String> trainingArgs = List.of(training.split("\\s+"));
    List<String> entrypoint = List.of(runtime.substring(runtime.indexOf("ENTRYPOINT")).split("[\\s,\"\\[\\]\\\\]+"));

    // THEN one of the training start's arguments records, and none of the ENTRYPOINT's
    assertTrue(trainingArgs.stream().anyMatch(ClassArchive::records), "not seen as recording: " + training);
    assertFalse(entrypoint.stream().anyMatch(ClassArchive::records), "ENTRYPOINT seen as recording: " + entrypoint);
    // AND JDK 17's and JDK 24's ways of recording count too, reading a cache does not
    assertTrue(ClassArchive.records("-XX:ArchiveClassesAtExit=/app/hirebot.jsa"));
    assertTrue(ClassArchive.records("-XX:AOTMode=record"));
    assertFalse(ClassArchive.records("-XX:AOTCache=/app/hirebot.aot"));
    assertFalse(ClassArchive.records("-XX:SharedArchiveFile=/app/hirebot.jsa"));
    // AND the ENTRYPOINT reads the AOT cache (its starts skip the warm-up's throwaway bot), the training does not
    assertTrue(entrypoint.stream().anyMatch(ClassArchive::reads), "ENTRYPOINT not seen as reading: " + entrypoint);
    assertFalse(trainingArgs.stream().anyMatch(ClassArchive::reads), "training seen as reading: " + training);
    // AND this test's JVM does neither: its warm-ups run the throwaway bot
    assertFalse(ClassArchive.reading());
    assertTrue(WarmUp.withThrowawayBot());
  }
}
