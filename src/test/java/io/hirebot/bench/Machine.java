package io.hirebot.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Where and when the figures were taken: CPUs, CPU model, memory, JDK, date. */
final class Machine {
  private Machine() {}

  static ObjectNode describe() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    o.put("cpus", Runtime.getRuntime().availableProcessors());
    o.put("cpu_model", procField("/proc/cpuinfo", "model name"));
    String memKb = procField("/proc/meminfo", "MemTotal").replace("kB", "").trim();
    o.put("memory_gb", memKb.isEmpty() ? 0 : Stats.round(Long.parseLong(memKb) / 1024.0 / 1024.0));
    o.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    o.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    o.put("load_average_at_start", loadAverage());
    return o;
  }

  /** The 1-minute load average: other work on the machine competes with the benchmark for the CPUs. */
  static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** CPU time (user + system) this JVM has used so far, in nanoseconds. */
  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** Milliseconds the JIT compilers have worked in this JVM so far (-1 if the JVM does not say). */
  static long jitMillis() {
    var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
    return jit == null || !jit.isCompilationTimeMonitoringSupported() ? -1 : jit.getTotalCompilationTime();
  }

  /**
   * CPU time (ns) of this JVM's live threads so far, by name with digits dropped ("vert.x-eventloop-thread-",
   * "db-urgent-"), plus "jvm (gc, jit, other)": what the process used beyond its Java threads.
   */
  static java.util.Map<String, Long> cpuNanosByThreadGroup() {
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    java.util.Map<String, Long> groups = byThreadGroup(threads, threads::getThreadCpuTime);
    long javaThreads = groups.values().stream().mapToLong(Long::longValue).sum();
    groups.put("jvm (gc, jit, other)", processCpuNanos() - javaThreads);
    return groups;
  }

  /**
   * Bytes allocated so far by this JVM's live threads, by name with digits dropped (as {@link #cpuNanosByThreadGroup});
   * empty when the JVM does not count allocation per thread.
   */
  static java.util.Map<String, Long> allocatedBytesByThreadGroup() {
    if (!(java.lang.management.ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads)
        || !threads.isThreadAllocatedMemorySupported() || !threads.isThreadAllocatedMemoryEnabled()) {
      return new java.util.TreeMap<>();
    }
    return byThreadGroup(threads, threads::getThreadAllocatedBytes);
  }

  /** {@code perThread} of each live thread (by id) summed by thread name with digits dropped; non-positive ones left out. */
  private static java.util.Map<String, Long> byThreadGroup(java.lang.management.ThreadMXBean threads,
      java.util.function.LongUnaryOperator perThread) {
    java.util.Map<String, Long> groups = new java.util.TreeMap<>();
    for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      long value = perThread.applyAsLong(info.getThreadId());
      if (value > 0) {
        groups.merge(info.getThreadName().replaceAll("\\d+", ""), value, Long::sum);
      }
    }
    return groups;
  }

  private static String procField(String file, String key) {
    try {
      for (String line : Files.readAllLines(Path.of(file))) {
        if (line.startsWith(key)) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException e) {
      return "";
    }
    return "";
  }
}
