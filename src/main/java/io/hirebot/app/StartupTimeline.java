package io.hirebot.app;

import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * When each step of one start finished, on which thread and with how much of that thread's CPU, logged in one line
 * once the bot is healthy with the process's CPU, the JIT's and the collector's until then: the start-up's critical
 * path and where its CPU went without a class-load log or a profiler (README "Performance", section 6).
 */
final class StartupTimeline {
  private record Mark(String step, long nanos, String thread, long threadCpuMs) {}

  private final long originNanos = System.nanoTime();
  private final long originMillis = System.currentTimeMillis();
  private final List<Mark> marks = new ArrayList<>();

  /** The step {@code step} has just finished, on this thread. */
  void mark(String step) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpu = threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() / 1_000_000 : -1;
    Mark mark = new Mark(step, System.nanoTime(), Thread.currentThread().getName(), cpu);
    synchronized (this) {
      marks.add(mark);
    }
  }

  /**
   * {@code jvm_to_origin_ms=… step=ms@thread/cpu_ms … cpu_ms=… jit_ms=… gc=count/ms} in the order the steps finished,
   * each in ms since this timeline was made ({@code Main}'s first statement) with the CPU its thread had used since
   * the thread began (a pool thread's earlier tasks included); then the process's CPU, the JIT compilers' time and
   * the collections so far. The JVM's own start before the origin is the JVM's recorded start: the process's start
   * instant ({@link ProcessHandle.Info#startInstant}) comes on Linux from the boot time in /proc, in whole seconds,
   * and was off by up to a second; -1 where the platform does not tell a figure.
   */
  synchronized String line() {
    StringBuilder line = new StringBuilder("jvm_to_origin_ms=")
        .append(originMillis - ManagementFactory.getRuntimeMXBean().getStartTime());
    marks.stream().sorted(java.util.Comparator.comparingLong(Mark::nanos)).forEach(m -> line.append(' ')
        .append(m.step()).append('=').append((m.nanos() - originNanos) / 1_000_000).append('@').append(m.thread())
        .append('/').append(m.threadCpuMs()));
    line.append(" cpu_ms=").append(ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis())
        .orElse(-1L));
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    line.append(" jit_ms=").append(jit != null && jit.isCompilationTimeMonitoringSupported()
        ? jit.getTotalCompilationTime() : -1);
    long collections = 0;
    long collectedMs = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      collections += Math.max(0, gc.getCollectionCount());
      collectedMs += Math.max(0, gc.getCollectionTime());
    }
    return line.append(" gc=").append(collections).append('/').append(collectedMs).toString();
  }
}
