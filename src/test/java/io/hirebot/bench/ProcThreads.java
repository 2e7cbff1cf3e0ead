package io.hirebot.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * A process's CPU time by thread, read from {@code /proc/<pid>/task/<tid>/stat} (Linux): the JVM's own threads
 * (compilers, collectors, the VM thread) are named there, unlike in {@code ThreadMXBean}, which sees Java threads only.
 */
final class ProcThreads {
  /** Threads whose CPU is the JIT's: HotSpot's compiler threads ("C1 CompilerThread0") and its code-cache sweeper. */
  static final String JIT = "jvm jit (C1, C2, sweeper)";
  /**
   * Threads whose CPU is the collector's: G1's and Parallel's workers and G1's concurrent threads, and the VM thread,
   * on which SerialGC collects (it also runs the other safepoint operations, a small share).
   */
  static final String GC = "jvm gc (GC and G1 threads, VM Thread)";
  private static final double NANOS_PER_TICK = 10_000_000; // USER_HZ is 100 on Linux

  private ProcThreads() {}

  /**
   * CPU (user + system, ns) of each thread of {@code pid} so far, summed by name with digits dropped (names are the
   * kernel's {@code comm}: at most 15 characters, so "vert.x-eventloo"); threads that have exited are not counted.
   */
  static Map<String, Long> cpuNanosByName(long pid) {
    Map<String, Long> groups = new TreeMap<>();
    Path tasks = Path.of("/proc", String.valueOf(pid), "task");
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(tasks)) {
      for (Path task : dir) {
        String stat;
        try {
          stat = Files.readString(task.resolve("stat"));
        } catch (IOException e) {
          continue; // the thread exited meanwhile
        }
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("\\d+", "");
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long nanos = (long) ((Long.parseLong(f[11]) + Long.parseLong(f[12])) * NANOS_PER_TICK); // utime, stime
        groups.merge(name, nanos, Long::sum);
      }
    } catch (IOException e) {
      return groups; // not Linux, or the process is gone: nothing to report
    }
    return groups;
  }

  /**
   * {@link #JIT}, {@link #GC}, or null for a thread of the program (or the JVM's other housekeeping); {@code name} as
   * {@link #cpuNanosByName} gives it, digits dropped ("C CompilerThre", "G Refine#").
   */
  static String jvmRole(String name) {
    if (name.equals("C CompilerThre") || name.equals("Sweeper thread")) {
      return JIT;
    }
    if (name.startsWith("GC Thread#") || name.startsWith("G ") || name.equals("VM Thread")) {
      return GC;
    }
    return null;
  }

  /** The CPU (ns) of the JIT's threads among {@code byName}. */
  static long jitNanos(Map<String, Long> byName) {
    return byName.entrySet().stream().filter(e -> JIT.equals(jvmRole(e.getKey()))).mapToLong(Map.Entry::getValue)
        .sum();
  }

  /** {@code after - before} for each name (a thread started in between counts from zero). */
  static Map<String, Long> minus(Map<String, Long> after, Map<String, Long> before) {
    Map<String, Long> d = new TreeMap<>(after);
    d.replaceAll((name, nanos) -> nanos - before.getOrDefault(name, 0L));
    return d;
  }
}
