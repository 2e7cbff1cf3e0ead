package io.hirebot.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's child JVM runs as the Dockerfile's does (its JDK, flags, environment and archive), so section 5
 * measures what operators run.
 */
class DockerfileTest {
  private static final Path DOCKERFILE = ChildJdk.DOCKERFILE;
  /** Where the Dockerfile keeps its archive. */
  private static final Path APP = Path.of("/app");

  @Test
  @DisplayName("the Dockerfile's java command and its archive training start carry the benchmark's JVM flags, "
      + "environment and archive options for the JDK the image runs")
  void sameFlags() throws Exception {
    // GIVEN the Dockerfile, and what the benchmark does on the JDK its runtime stage names
    String dockerfile = Files.readString(DOCKERFILE);
    int major = ChildJdk.runtimeMajor(DOCKERFILE).orElseThrow(() -> new AssertionError(
        "no runtime stage FROM eclipse-temurin:<version>-jre in the Dockerfile"));
    ChildJdk imageJdk = new ChildJdk(Path.of("/opt/java/openjdk"), major, "the image's");
    Path archive = imageJdk.archive(APP);
    List<String> command = entrypoint(dockerfile);
    String record = imageJdk.recordArchive(archive).get(0);
    assertTrue(dockerfile.contains(record), "the Dockerfile does not train its archive with " + record);
    String training = dockerfile.substring(dockerfile.lastIndexOf("RUN", dockerfile.indexOf(record)),
        dockerfile.indexOf(record));

    // THEN every flag of the benchmark's child JVM is in the ENTRYPOINT and in the training start, the JDK's own too
    List<String> flags = new java.util.ArrayList<>(ChildBot.JVM_FLAGS);
    flags.addAll(imageJdk.flags());
    for (String flag : flags) {
      assertTrue(command.contains(flag), "ENTRYPOINT " + command + " lacks " + flag);
      assertTrue(training.contains(flag), "the archive's training start lacks " + flag + ": " + training);
    }
    // AND the ENTRYPOINT uses the archive the training wrote, as the benchmark's restarts use theirs
    assertTrue(command.containsAll(imageJdk.useArchive(archive)),
        "ENTRYPOINT " + command + " does not use " + imageJdk.useArchive(archive));
    // AND the environment the child gets is the image's
    for (Map.Entry<String, String> env : ChildBot.JVM_ENV.entrySet()) {
      String setting = env.getKey() + "=" + env.getValue();
      assertTrue(dockerfile.lines().anyMatch(l -> l.equals("ENV " + setting)), "no ENV " + setting);
      assertTrue(training.contains(setting), "the archive's training start lacks " + setting + ": " + training);
    }
  }

  @Test
  @DisplayName("section 5 finds the Dockerfile's JDK by its version among the installed ones")
  void findsTheImagesJdk(@TempDir Path jvms) throws Exception {
    // GIVEN a JVM directory with a JDK 17 and a JDK 25, as Debian and the Temurin packages lay them out
    for (var jdk : Map.of("java-17-openjdk-amd64", "17.0.17", "temurin-25-jdk-amd64", "25.0.3").entrySet()) {
      Path bin = Files.createDirectories(jvms.resolve(jdk.getKey()).resolve("bin"));
      Path java = Files.writeString(bin.resolve("java"), "#!/bin/sh\n");
      assertTrue(java.toFile().setExecutable(true));
      Files.writeString(jvms.resolve(jdk.getKey()).resolve("release"),
          "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"" + jdk.getValue() + "\"\n");
    }

    // THEN each version is found by its release file, and a version not installed is not
    assertEquals(jvms.resolve("temurin-25-jdk-amd64"), ChildJdk.installed(jvms, 25).orElseThrow());
    assertEquals(jvms.resolve("java-17-openjdk-amd64"), ChildJdk.installed(jvms, 17).orElseThrow());
    assertTrue(ChildJdk.installed(jvms, 21).isEmpty());
    // AND the Dockerfile's runtime stage is the last FROM, not the build stage's Maven image
    Path dockerfile = Files.writeString(jvms.resolve("Dockerfile"),
        "FROM maven:3.9-eclipse-temurin-17 AS build\nRUN true\nFROM eclipse-temurin:25-jre\n");
    assertEquals(25, ChildJdk.runtimeMajor(dockerfile).orElseThrow());
  }

  /** The ENTRYPOINT's exec form, continuation lines joined. */
  private static List<String> entrypoint(String dockerfile) throws Exception {
    String entrypoint = dockerfile.lines().dropWhile(l -> !l.startsWith("ENTRYPOINT"))
        .takeWhile(l -> !l.isBlank()).reduce("", (a, b) -> a + b.replace("\\", ""));
    return List.of(new ObjectMapper().readValue(entrypoint.substring("ENTRYPOINT".length()).trim(),
        String[].class));
  }
}
