package io.hirebot.e2e;

import io.hirebot.bench.BenchHttp;
import io.hirebot.bench.ChildBot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Where a child bot's time went, for a test that waits on it: every {@link #EVERY} a line with the test's own counts,
 * the events the child received (its /metrics) and the CPU it used, and a thread dump of the child (at most
 * {@link #MAX_DUMPS}) whenever the awaited count has not moved for {@link #STALL}. The report goes into the failure
 * message, so a failure on a loaded machine says whether the child was stalled, busy or just slow.
 */
final class ChildWatch implements AutoCloseable {
  static final Duration EVERY = Duration.ofSeconds(10);
  static final Duration STALL = Duration.ofSeconds(20);
  static final int MAX_DUMPS = 3;
  private static final int LOG_LINES = 30;
  private static final long METRICS_TIMEOUT_MS = 5_000;

  private final ChildBot child;
  private final BenchHttp http;
  private final Path log;
  private final Path dumps;
  private final IntSupplier awaited;
  private final Supplier<String> counts;
  private final List<String> timeline = new ArrayList<>();
  private final List<Path> dumped = new ArrayList<>();
  private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "child-watch");
    t.setDaemon(true);
    return t;
  });
  private final long started = System.nanoTime();
  private double lastCpuMs;
  private int lastAwaited;
  private long lastMoved = started;

  /**
   * @param log the child's log file
   * @param dumps where thread dumps go ({@code <dumps>-threads-<n>.txt})
   * @param awaited the count the test waits on; a stall is this count not moving
   * @param counts the test's counts for the timeline line
   */
  private ChildWatch(ChildBot child, BenchHttp http, Path log, Path dumps, IntSupplier awaited,
      Supplier<String> counts) {
    this.child = child;
    this.http = http;
    this.log = log;
    this.dumps = dumps;
    this.awaited = awaited;
    this.counts = counts;
  }

  static ChildWatch start(ChildBot child, BenchHttp http, Path log, Path dumps, IntSupplier awaited,
      Supplier<String> counts) {
    ChildWatch watch = new ChildWatch(child, http, log, dumps, awaited, counts);
    watch.lastCpuMs = child.cpuMs();
    watch.sampler.scheduleAtFixedRate(watch::sample, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
    return watch;
  }

  private void sample() {
    try {
      long now = System.nanoTime();
      double cpu = child.cpuMs();
      int count = awaited.getAsInt();
      if (count != lastAwaited) {
        lastAwaited = count;
        lastMoved = now;
      }
      String line = String.format("t=%.0fs %s child_received=%s child_cpu_ms=%.0f load=%s", (now - started) / 1e9,
          counts.get(), received(), cpu - lastCpuMs, load());
      lastCpuMs = cpu;
      if (now - lastMoved >= STALL.toNanos() && dumped.size() < MAX_DUMPS) {
        Path dump = Path.of(dumps + "-threads-" + (dumped.size() + 1) + ".txt");
        child.threadDump(dump);
        dumped.add(dump);
        lastMoved = now; // the next dump only after another stall period
        line += " no progress for " + STALL.toSeconds() + " s: threads in " + dump;
      }
      synchronized (timeline) {
        timeline.add(line);
      }
      System.out.println("child watch " + line);
    } catch (RuntimeException e) {
      // The child may be gone (killed by the test): the watch never fails the test itself.
      synchronized (timeline) {
        timeline.add("sample failed: " + e);
      }
    }
  }

  /** Events the child counted as received (hirebot_events_received_total, all kinds), or why it did not answer. */
  private String received() {
    BenchHttp.Response r = BenchHttp.await(http.get(child.port(), "/metrics", METRICS_TIMEOUT_MS),
        Duration.ofMillis(2 * METRICS_TIMEOUT_MS));
    if (r.status() != 200) {
      return "no-answer(" + r.status() + ")";
    }
    double sum = 0;
    for (String line : r.body().split("\n")) {
      if (line.startsWith("hirebot_events_received_total")) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return String.valueOf((long) sum);
  }

  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "?";
    }
  }

  /** The timeline so far, the thread dumps taken and the last lines of the child's log. */
  String report() {
    StringBuilder out = new StringBuilder("\nchild timeline (every ").append(EVERY.toSeconds()).append(" s):\n");
    synchronized (timeline) {
      timeline.forEach(l -> out.append("  ").append(l).append('\n'));
    }
    out.append("thread dumps: ").append(dumped.isEmpty() ? "none (no stall of " + STALL.toSeconds() + " s)" : dumped)
        .append('\n').append("last lines of ").append(log).append(":\n");
    try {
      List<String> lines = Files.readAllLines(log);
      lines.subList(Math.max(0, lines.size() - LOG_LINES), lines.size()).forEach(l -> out.append("  ").append(l)
          .append('\n'));
    } catch (IOException e) {
      out.append("  (unreadable: ").append(e).append(")\n");
    }
    return out.toString();
  }

  @Override
  public void close() {
    sampler.shutdownNow();
  }
}
