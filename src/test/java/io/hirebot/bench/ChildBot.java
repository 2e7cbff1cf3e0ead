package io.hirebot.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The bot as operators run it, in a JVM of its own: {@code java -Xmx256m <the Dockerfile's flags> -cp <this
 * classpath> io.hirebot.Main [--sandbox]} on a free port (this JVM's JDK, or the one given: {@link ChildJdk}), output
 * to a log file; knows its start time and reads its RSS from /proc. The
 * crash test kills it with {@link #kill()} (SIGKILL, as {@code kill -9} would).
 */
public final class ChildBot implements AutoCloseable {
  public static final String HEAP = "-Xmx256m";
  /**
   * The Dockerfile's JVM flags on any JDK (its ENTRYPOINT, less the heap size it takes from the container's memory,
   * the class-data archive the benchmark trains itself, and the flags of a JDK version, {@link ChildJdk#flags}), so
   * the benchmark measures what operators run; {@code DockerfileTest} keeps the two the same.
   */
  public static final List<String> JVM_FLAGS = List.of("-XX:+UseSerialGC", "-Xms64m", "-XX:MetaspaceSize=64m",
      "-XX:MaxTenuringThreshold=2", "-XX:Tier4InvocationThreshold=50000", "-XX:Tier4MinInvocationThreshold=6000",
      "-XX:Tier4CompileThreshold=150000", "-XX:Tier4BackEdgeThreshold=400000");
  /** The Dockerfile's environment for the JVM: glibc's malloc arenas capped (one per thread otherwise). */
  public static final Map<String, String> JVM_ENV = Map.of("MALLOC_ARENA_MAX", "2");
  static final String CHILD_CLASSPATH = "hirebot.child.classpath";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(180); // generous: the machine may be shared
  /** How long a training start may take to write its archive after the SIGTERM. */
  private static final Duration ARCHIVE_WRITE = Duration.ofSeconds(120);
  /**
   * {@code -Dhirebot.bench.childFlags="-Xlog:class+load …"}: JVM flags added to every child (a profile, a class-load
   * log), space-separated; none by default.
   */
  private static final List<String> EXTRA_FLAGS = List.of(System.getProperty("hirebot.bench.childFlags", "").trim()
      .split("\\s+")).stream().filter(f -> !f.isEmpty()).toList();
  /**
   * {@code -Dhirebot.bench.childLogLevel=INFO}: the children's log level; WARN by default, which leaves out the
   * start-up timeline ({@code app/StartupTimeline}) and the warm-up's line, logged at INFO.
   */
  private static final String LOG_LEVEL = System.getProperty("hirebot.bench.childLogLevel", "WARN");

  private final int port;
  private final Process process;
  private final long launchedAt;
  private final ChildJdk jdk;

  private ChildBot(int port, Process process, long launchedAt, ChildJdk jdk) {
    this.port = port;
    this.process = process;
    this.launchedAt = launchedAt;
    this.jdk = jdk;
  }

  /**
   * Sandbox mode with an H2 file database, as the default configuration has (section 5): the claims of a flood
   * live on disk, not in the heap; {@code jvmFlags} go before the classpath (class-data sharing).
   */
  static ChildBot launch(Path log, List<String> jvmFlags) {
    return launch(log, jvmFlags, newDatabaseDir());
  }

  /** Like {@link #launch(Path, List)} on the H2 database in {@code dbDir}: a restart when an earlier child used it. */
  static ChildBot launch(Path log, List<String> jvmFlags, Path dbDir) {
    return launch(log, ChildJdk.current(), jvmFlags, dbDir);
  }

  /** Like {@link #launch(Path, List, Path)} on {@code jdk} (section 5: the Dockerfile's). */
  static ChildBot launch(Path log, ChildJdk jdk, List<String> jvmFlags, Path dbDir) {
    return launch(log, jdk, jvmFlags, Map.of("HIREBOT_DB_URL", "jdbc:h2:file:" + dbDir.resolve("bot")), "--sandbox");
  }

  /**
   * One training start as the image build's: sandbox mode on {@code dbDir} with {@code flags} and the options that
   * record {@code archive}, stopped by SIGTERM once healthy, the JVM writing the archive as it exits (which takes a
   * while: {@link #ARCHIVE_WRITE}). Fails when no archive was written.
   */
  static void trainArchive(Path log, ChildJdk jdk, List<String> flags, Path archive, Path dbDir, BenchHttp http)
      throws IOException {
    Files.deleteIfExists(archive);
    List<String> training = new ArrayList<>(flags);
    training.addAll(jdk.recordArchive(archive));
    try (ChildBot child = launch(log, jdk, training, dbDir)) {
      child.awaitHealthy(http);
      child.stop(ARCHIVE_WRITE);
    }
    if (!Files.isRegularFile(archive)) {
      throw new IllegalStateException("the training start wrote no " + archive);
    }
  }

  /** An empty directory for a child's database. */
  static Path newDatabaseDir() {
    return TempDirs.create("hirebot-child-db");
  }

  /**
   * The bot on a free port with {@code env} added to this JVM's environment (minus any Feishu credentials of
   * ours, so that {@code env} alone decides sandbox or real mode).
   */
  public static ChildBot launch(Path log, Map<String, String> env, String... args) {
    return launch(log, List.of(), env, args);
  }

  /** Like {@link #launch(Path, Map, String...)} on {@code port} (a test may hold it, to see the start fail). */
  public static ChildBot launchOnPort(Path log, int port, Map<String, String> env, String... args) {
    return launch(log, port, List.of(), env, args);
  }

  /** The bot with {@code jvmFlags} before the classpath and {@code env} added (see {@link #launch(Path, Map, String...)}). */
  static ChildBot launch(Path log, List<String> jvmFlags, Map<String, String> env, String... args) {
    return launch(log, ChildJdk.current(), jvmFlags, env, args);
  }

  /** Like {@link #launch(Path, List, Map, String...)} on {@code jdk}, with the flags the Dockerfile gives it. */
  static ChildBot launch(Path log, ChildJdk jdk, List<String> jvmFlags, Map<String, String> env, String... args) {
    return launch(log, freePort(), jdk, jvmFlags, env, args);
  }

  private static ChildBot launch(Path log, int port, List<String> jvmFlags, Map<String, String> env,
      String... args) {
    return launch(log, port, ChildJdk.current(), jvmFlags, env, args);
  }

  private static ChildBot launch(Path log, int port, ChildJdk jdk, List<String> jvmFlags, Map<String, String> env,
      String... args) {
    List<String> command = new ArrayList<>(List.of(jdk.tool("java"), HEAP));
    command.addAll(JVM_FLAGS);
    command.addAll(jdk.flags());
    command.addAll(jvmFlags);
    command.addAll(EXTRA_FLAGS);
    command.addAll(List.of("-cp", classpath(), "io.hirebot.Main"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().keySet().removeIf(k -> k.startsWith("FEISHU_") || k.startsWith("HIREBOT_"));
    pb.environment().put("HIREBOT_LOG_LEVEL", LOG_LEVEL);
    pb.environment().putAll(JVM_ENV);
    pb.environment().putAll(env);
    pb.environment().put("HIREBOT_PORT", String.valueOf(port));
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    long t0 = System.nanoTime();
    try {
      return new ChildBot(port, pb.start(), t0, jdk);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the child JVM", e);
    }
  }

  /**
   * The packaged jar when the benchmark was started with {@code -Dhirebot.child.classpath} (operators run the jar,
   * and its start-up differs from a directory classpath's), else this JVM's own classpath (tests).
   */
  private static String classpath() {
    String jar = System.getProperty(CHILD_CLASSPATH);
    return jar != null && Files.isRegularFile(Path.of(jar)) ? jar : System.getProperty("java.class.path");
  }

  public int port() {
    return port;
  }

  /** The child's process id (its threads are under /proc/<pid>/task). */
  long pid() {
    return process.pid();
  }

  /** The URL of {@code path} on the child's HTTP server. */
  public String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  /** Healthy and knows its own open_id (group mentions need it). */
  public void awaitReady(BenchHttp http) {
    awaitHealthy(http);
    BenchEnv.awaitIdentity(http, port);
  }

  /** Polls /healthz until it answers 200; the time from launch, in ms. */
  public double awaitHealthy(BenchHttp http) {
    long deadline = launchedAt + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("child bot exited with " + process.exitValue());
      }
      if (BenchHttp.await(http.get(port, "/healthz", BenchEnv.POLL_TIMEOUT_MS), START_TIMEOUT).status() == 200) {
        return (System.nanoTime() - launchedAt) / 1e6;
      }
      Pause.millis(5);
    }
    throw new IllegalStateException("child bot not healthy within " + START_TIMEOUT);
  }

  double sinceLaunchMs() {
    return (System.nanoTime() - launchedAt) / 1e6;
  }

  /** Resident set size now, in MB. */
  double rssMb() {
    return statusKb("VmRSS:") / 1024.0;
  }

  /** The child's threads now (each has a stack, and glibc may give it a malloc arena). */
  long threads() {
    return statusKb("Threads:");
  }

  /**
   * {@code jcmd <pid> VM.native_memory summary} into {@code file} when the child runs with
   * {@code -XX:NativeMemoryTracking=summary} (the benchmark's {@code -Dhirebot.bench.nmt}): where the RSS goes.
   */
  void nativeMemory(Path file) {
    jcmd(file, "VM.native_memory", "summary");
  }

  /** {@code jcmd <pid> Thread.print} into {@code file}: what every thread of the child is doing now. */
  public void threadDump(Path file) {
    jcmd(file, "Thread.print");
  }

  private void jcmd(Path file, String... command) {
    List<String> line = new ArrayList<>(List.of(jdk.tool("jcmd"), String.valueOf(process.pid())));
    line.addAll(List.of(command));
    try {
      new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(file.toFile()).start()
          .waitFor(30, TimeUnit.SECONDS);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run jcmd " + String.join(" ", command) + " on the child bot", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The highest resident set size so far, in MB. */
  double peakRssMb() {
    return statusKb("VmHWM:") / 1024.0;
  }

  /** CPU time (user + system) the child has used so far, in ms, from /proc/<pid>/stat at 100 ticks a second. */
  public double cpuMs() {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10.0; // utime, stime: fields 14, 15
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read /proc stat of the child bot", e);
    }
  }

  /**
   * CPU time (ms) the child's threads have used so far, by thread name with its digits dropped
   * ({@link ProcThreads#cpuNanosByName}), largest first: where the start-up's CPU went. Threads that already ended
   * are not counted.
   */
  Map<String, Double> threadCpuMs() {
    Map<String, Double> sorted = new java.util.LinkedHashMap<>();
    ProcThreads.cpuNanosByName(process.pid()).entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> sorted.put(e.getKey(), e.getValue() / 1e6));
    return sorted;
  }

  private long statusKb(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
        if (line.startsWith(field)) {
          return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read /proc status of the child bot", e);
    }
    throw new IllegalStateException(field + " missing from /proc/" + process.pid() + "/status");
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits up to {@code timeout} for the child to exit by itself; its exit code. */
  public int awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("child bot still running after " + timeout);
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for the child bot", e);
    }
  }

  /** SIGKILL: no shutdown hook, no flush, no goodbye; returns once the process is gone. */
  public void kill() {
    try {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop(Duration.ofSeconds(10));
  }

  /** SIGTERM, then SIGKILL if it has not exited within {@code grace} (writing a class-data archive takes a while). */
  void stop(Duration grace) {
    process.destroy();
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
