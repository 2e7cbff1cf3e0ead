package io.hirebot.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The JDK a child bot runs on, and what follows from its version: the flags the Dockerfile gives that JDK and how
 * its class-data archive is recorded and used (JDK 25's AOT cache, JDK 17's dynamic CDS archive). Section 5 runs its
 * children on the JDK the Dockerfile's runtime stage names ({@link #dockerfiles}), so it measures what the image
 * runs; tests run them on their own JDK ({@link #current}).
 *
 * @param home the JDK's home ({@code bin/java}, {@code bin/jcmd})
 * @param major its feature version
 * @param note how it was chosen, for {@code results.json}
 */
record ChildJdk(Path home, int major, String note) {
  /** {@code -Dhirebot.bench.childJdk=/path/to/jdk}: section 5's children run on this JDK instead of the Dockerfile's. */
  static final String PROPERTY = "hirebot.bench.childJdk";
  /** Where Debian's packages and the Temurin packages put JDKs. */
  static final Path JVM_DIR = Path.of("/usr/lib/jvm");
  static final Path DOCKERFILE = Path.of("Dockerfile");
  /** The runtime stage's base image: the last {@code FROM}, an Eclipse Temurin image of some feature version. */
  private static final Pattern RUNTIME_IMAGE = Pattern.compile("(?m)^FROM eclipse-temurin:(\\d+)[^\\s]*\\s*$");
  private static final Pattern RELEASE_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");
  /** JDK 23+ (JEP 471): Netty 4.2 keeps its {@code sun.misc.Unsafe} paths with it, as on 17 (see the Dockerfile). */
  static final String UNSAFE_ALLOWED = "--sun-misc-unsafe-memory-access=allow";
  private static final int UNSAFE_OPTION_SINCE = 23;
  /** JDK 25: the AOT cache recorded in one step (JEP 514) with method profiles (JEP 515). */
  private static final int AOT_CACHE_OUTPUT_SINCE = 25;
  /** A training run's option that writes the archive at exit, before its file name. */
  static final String AOT_RECORD = "-XX:AOTCacheOutput=";
  static final String AOT_USE = "-XX:AOTCache=";
  /** The cache's classes without its training's method profiles (the Dockerfile's ENTRYPOINT says why). */
  static final List<String> AOT_NO_PROFILES = List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:-AOTReplayTraining");
  static final String CDS_RECORD = "-XX:ArchiveClassesAtExit=";
  static final String CDS_USE = "-XX:SharedArchiveFile=";

  /** The JDK running this JVM. */
  static ChildJdk current() {
    return new ChildJdk(Path.of(System.getProperty("java.home")), Runtime.version().feature(), "this JVM's");
  }

  /**
   * The JDK given by {@value #PROPERTY}; else one under {@value #JVM_DIR} of the feature version the Dockerfile's
   * runtime stage names; else this JVM's, with a note saying so.
   */
  static ChildJdk dockerfiles() {
    String given = System.getProperty(PROPERTY);
    if (given != null && !given.isBlank()) {
      Path home = Path.of(given);
      return new ChildJdk(home, releaseVersion(home).orElseThrow(() -> new IllegalArgumentException(
          "-D" + PROPERTY + "=" + given + ": no JDK there (no JAVA_VERSION in its release file)")), "-D" + PROPERTY);
    }
    Optional<Integer> named = runtimeMajor(DOCKERFILE);
    if (named.isEmpty()) {
      return current().noted("this JVM's: no Dockerfile runtime image found in " + DOCKERFILE.toAbsolutePath());
    }
    int major = named.get();
    if (major == Runtime.version().feature()) {
      return current().noted("this JVM's, the Dockerfile's version " + major);
    }
    return installed(JVM_DIR, major).map(home -> new ChildJdk(home, major, "the Dockerfile's version " + major
            + ", found in " + JVM_DIR))
        .orElseGet(() -> current().noted("this JVM's (" + Runtime.version().feature() + "): the Dockerfile names "
            + major + ", none of that version in " + JVM_DIR));
  }

  /** The feature version of the Dockerfile's runtime stage ({@code FROM eclipse-temurin:<N>-jre}), if it names one. */
  static Optional<Integer> runtimeMajor(Path dockerfile) {
    if (!Files.isRegularFile(dockerfile)) {
      return Optional.empty();
    }
    Matcher m = RUNTIME_IMAGE.matcher(read(dockerfile));
    Integer last = null;
    while (m.find()) {
      last = Integer.parseInt(m.group(1));
    }
    return Optional.ofNullable(last);
  }

  /** A JDK of {@code major} in {@code dir}, by the {@code release} file each JDK has. */
  static Optional<Path> installed(Path dir, int major) {
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (Stream<Path> homes = Files.list(dir)) {
      return homes.filter(home -> Files.isExecutable(home.resolve("bin").resolve("java")))
          .filter(home -> releaseVersion(home).filter(v -> v == major).isPresent())
          .sorted().findFirst();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the JDKs in " + dir, e);
    }
  }

  private static Optional<Integer> releaseVersion(Path home) {
    Path release = home.resolve("release");
    if (!Files.isRegularFile(release)) {
      return Optional.empty();
    }
    Matcher m = RELEASE_VERSION.matcher(read(release));
    return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private ChildJdk noted(String why) {
    return new ChildJdk(home, major, why);
  }

  /** {@code bin/<tool>} of this JDK ({@code java}, {@code jcmd}). */
  String tool(String name) {
    return home.resolve("bin").resolve(name).toString();
  }

  /** The flags the Dockerfile gives this version besides {@link ChildBot#JVM_FLAGS} (none on 17). */
  List<String> flags() {
    return major >= UNSAFE_OPTION_SINCE ? List.of(UNSAFE_ALLOWED) : List.of();
  }

  /** Whether this JDK's archive is an AOT cache (else a dynamic CDS archive). */
  boolean aotCache() {
    return major >= AOT_CACHE_OUTPUT_SINCE;
  }

  /** The archive's file name in {@code dir}, as the Dockerfile names it. */
  Path archive(Path dir) {
    return dir.resolve(aotCache() ? "hirebot.aot" : "hirebot.jsa");
  }

  /** A training start's flags: they write {@code archive} as the JVM exits (after a SIGTERM, as the Dockerfile's). */
  List<String> recordArchive(Path archive) {
    return List.of((aotCache() ? AOT_RECORD : CDS_RECORD) + archive);
  }

  /** A start's flags that use {@code archive} (ignored when stale, as the Dockerfile's ENTRYPOINT). */
  List<String> useArchive(Path archive) {
    List<String> flags = new ArrayList<>(List.of((aotCache() ? AOT_USE : CDS_USE) + archive));
    if (aotCache()) {
      flags.addAll(AOT_NO_PROFILES);
    } else {
      flags.add("-Xshare:auto");
    }
    return flags;
  }

  /** For results.json: which JDK, why, and its archive's kind. */
  String describe() {
    return "JDK " + major + " at " + home + " (" + note + "), archive: "
        + (aotCache() ? "AOT cache (" + AOT_RECORD + "…)" : "dynamic CDS (" + CDS_RECORD + "…)");
  }
}
