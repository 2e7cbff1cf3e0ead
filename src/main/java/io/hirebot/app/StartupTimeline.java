package io.hirebot.app;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When each step of one start finished and on which thread, logged in one line once the bot is healthy: the
 * start-up's critical path without a class-load log or a profiler (README "Performance", section 6).
 */
final class StartupTimeline {
  private record Mark(String step, long nanos, String thread) {}

  private final long originNanos = System.nanoTime();
  private final long originMillis = System.currentTimeMillis();
  private final List<Mark> marks = new ArrayList<>();

  /** The step {@code step} has just finished, on this thread. */
  synchronized void mark(String step) {
    marks.add(new Mark(step, System.nanoTime(), Thread.currentThread().getName()));
  }

  /**
   * {@code jvm_to_origin_ms=… step=ms@thread …} in the order the steps finished, each in ms since this timeline was
   * made ({@code Main}'s first statement); the JVM's own start before that from the process's start time (10 ms
   * resolution), or -1 where the platform does not tell it.
   */
  synchronized String line() {
    Optional<Instant> processStart = ProcessHandle.current().info().startInstant();
    StringBuilder line = new StringBuilder("jvm_to_origin_ms=")
        .append(processStart.map(s -> originMillis - s.toEpochMilli()).orElse(-1L));
    marks.stream().sorted(java.util.Comparator.comparingLong(Mark::nanos)).forEach(m -> line.append(' ')
        .append(m.step()).append('=').append((m.nanos() - originNanos) / 1_000_000).append('@').append(m.thread()));
    return line.toString();
  }
}
