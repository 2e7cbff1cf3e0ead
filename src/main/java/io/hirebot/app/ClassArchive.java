package io.hirebot.app;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Whether this JVM records a class-data archive or an AOT cache (the Dockerfile's training start, the benchmark's), or
 * starts from an AOT cache (the Dockerfile's ENTRYPOINT). A training start runs in sandbox mode, yet its cache serves
 * production starts, so it also loads what only production uses (TLS); a start from the cache finds the classes its
 * training's warm-up loaded already loaded and linked.
 */
final class ClassArchive {
  /**
   * The JVM options that write an archive or the class list one is built from: JDK 17's dynamic archive and class
   * list; JDK 24+'s AOT cache, recorded by a training run in one step (JEP 514, {@code -XX:AOTCacheOutput}, what the
   * Dockerfile uses) or in JEP 483's two ({@code -XX:AOTMode=record} writes the configuration). Not
   * {@code -XX:AOTCache=}, which only reads a cache (a production start).
   */
  static final List<String> RECORDING_OPTIONS = List.of("-XX:ArchiveClassesAtExit", "-XX:DumpLoadedClassList",
      "-Xshare:dump", "-XX:AOTCacheOutput", "-XX:AOTMode=record");
  /** The option of a start from an AOT cache (JDK 24+). */
  static final String READING_OPTION = "-XX:AOTCache=";

  private ClassArchive() {}

  /** Whether this JVM records an archive: from the command line (/proc on Linux) and the launcher's variables. */
  static boolean recording() {
    return options().anyMatch(ClassArchive::records);
  }

  /**
   * Whether this JVM starts from an AOT cache and records none (from the same places as {@link #recording}). A cache
   * the JVM refused (written for another jar) still counts: the JVM says so in its first lines of output.
   */
  static boolean reading() {
    return options().anyMatch(ClassArchive::reads) && !recording();
  }

  /** Whether {@code arg} (one argument, or an environment variable's options) holds a recording option. */
  static boolean records(String arg) {
    return RECORDING_OPTIONS.stream().anyMatch(arg::contains);
  }

  /** Whether {@code arg} (one argument, or an environment variable's options) reads an AOT cache. */
  static boolean reads(String arg) {
    return arg.contains(READING_OPTION);
  }

  private static Stream<String> options() {
    return Options.ALL.stream();
  }

  /** The JVM's options, read once (a start asks several times, and each read is /proc's command line). */
  private static final class Options {
    static final List<String> ALL = Stream.concat(
        ProcessHandle.current().info().arguments().map(Stream::of).orElseGet(Stream::empty),
        Stream.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS").map(name -> Optional.ofNullable(System.getenv(name))
            .orElse(""))).toList();
  }
}
