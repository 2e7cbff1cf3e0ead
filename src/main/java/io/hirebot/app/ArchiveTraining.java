package io.hirebot.app;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Whether this JVM records what it loads for a class-data archive or an AOT cache (the Dockerfile's training start,
 * the benchmark's): such a start runs in sandbox mode, yet the archive serves production starts, so it also loads what
 * only production uses (TLS).
 */
final class ArchiveTraining {
  /**
   * The JVM options that write an archive or the class list one is built from: JDK 17's dynamic archive and class
   * list; JDK 24+'s AOT cache, recorded by a training run in one step (JEP 514, {@code -XX:AOTCacheOutput}, what the
   * Dockerfile uses) or in JEP 483's two ({@code -XX:AOTMode=record} writes the configuration). Not
   * {@code -XX:AOTCache=}, which only reads a cache (a production start).
   */
  static final List<String> RECORDING_OPTIONS = List.of("-XX:ArchiveClassesAtExit", "-XX:DumpLoadedClassList",
      "-Xshare:dump", "-XX:AOTCacheOutput", "-XX:AOTMode=record");

  private ArchiveTraining() {}

  /** From the command line (/proc on Linux) and the environment variables the launcher adds options from. */
  static boolean recording() {
    Stream<String> commandLine = ProcessHandle.current().info().arguments().map(Stream::of).orElseGet(Stream::empty);
    Stream<String> fromEnvironment = Stream.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS")
        .map(name -> Optional.ofNullable(System.getenv(name)).orElse(""));
    return Stream.concat(commandLine, fromEnvironment).anyMatch(ArchiveTraining::records);
  }

  /** Whether {@code arg} (one argument, or an environment variable's options) holds a recording option. */
  static boolean records(String arg) {
    return RECORDING_OPTIONS.stream().anyMatch(arg::contains);
  }
}
