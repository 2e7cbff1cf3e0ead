package io.hirebot.app;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Whether this JVM records the classes it loads for a class-data archive (the Dockerfile's training start, the
 * benchmark's): such a start runs in sandbox mode, yet the archive serves production starts, so it also loads what
 * only production uses (TLS).
 */
final class ArchiveTraining {
  /** The JVM options that write an archive or the class list one is built from. */
  private static final List<String> RECORDING_OPTIONS =
      List.of("-XX:ArchiveClassesAtExit", "-XX:DumpLoadedClassList", "-Xshare:dump");

  private ArchiveTraining() {}

  /** From the command line (/proc on Linux) and the environment variables the launcher adds options from. */
  static boolean recording() {
    Stream<String> commandLine = ProcessHandle.current().info().arguments().map(Stream::of).orElseGet(Stream::empty);
    Stream<String> fromEnvironment = Stream.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS")
        .map(name -> Optional.ofNullable(System.getenv(name)).orElse(""));
    return Stream.concat(commandLine, fromEnvironment)
        .anyMatch(arg -> RECORDING_OPTIONS.stream().anyMatch(arg::contains));
  }
}
