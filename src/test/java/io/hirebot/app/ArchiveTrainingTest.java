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
 * serves), and the production start is not.
 */
class ArchiveTrainingTest {
  @Test
  @DisplayName("the Dockerfile's training java command records an archive; its ENTRYPOINT only reads one")
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
    assertTrue(trainingArgs.stream().anyMatch(ArchiveTraining::records), "not seen as recording: " + training);
    assertFalse(entrypoint.stream().anyMatch(ArchiveTraining::records), "ENTRYPOINT seen as recording: " + entrypoint);
    // AND JDK 17's and JDK 24's ways of recording count too, reading a cache does not
    assertTrue(ArchiveTraining.records("-XX:ArchiveClassesAtExit=/app/hirebot.jsa"));
    assertTrue(ArchiveTraining.records("-XX:AOTMode=record"));
    assertFalse(ArchiveTraining.records("-XX:AOTCache=/app/hirebot.aot"));
    assertFalse(ArchiveTraining.records("-XX:SharedArchiveFile=/app/hirebot.jsa"));
  }
}
