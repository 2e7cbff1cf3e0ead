package io.hirebot.bench;

import java.time.Duration;
import java.util.Arrays;

/** Reads counters from the bot's Prometheus text at /metrics, as an operator's scraper would. */
final class MetricsScrape {
  private final BenchHttp http;
  private final int port;

  MetricsScrape(BenchHttp http, int port) {
    this.http = http;
    this.port = port;
  }

  /** The text of /metrics now. */
  String scrape() {
    // Up to three tries of 3 s: once, in a full CI run, the first scrape after start never got an answer within
    // 10 s (the bot's log showed nothing blocked; the same class passed alone), so a try that hangs is said aloud
    // and made again rather than failing the run; a bot that never answers still fails it. The cause is not known
    // yet: a hung try prints where this JVM's event loops are (the bot's among them), to tell a busy bot from a
    // request lost on the way.
    BenchHttp.Response r = null;
    for (int attempt = 1; attempt <= 3; attempt++) {
      r = BenchHttp.await(http.get(port, "/metrics", 3_000), Duration.ofSeconds(5));
      if (r.status() == 200) {
        return r.body();
      }
      System.err.println("bench: /metrics try " + attempt + " answered " + r.status() + " (" + r.body()
          + "); event loops:\n" + eventLoops());
    }
    throw new IllegalStateException("/metrics answered " + r.status() + " three times: " + r.body());
  }

  /** Each Vert.x event-loop thread of this JVM, its state and its top frames. */
  private static String eventLoops() {
    StringBuilder out = new StringBuilder();
    Thread.getAllStackTraces().forEach((thread, stack) -> {
      if (thread.getName().startsWith("vert.x-eventloop")) {
        out.append("  ").append(thread.getName()).append(' ').append(thread.getState()).append('\n');
        Arrays.stream(stack).limit(12).forEach(frame -> out.append("    at ").append(frame).append('\n'));
      }
    });
    return out.toString();
  }

  /** Sum of every series of {@code name} whose label text contains {@code labelFilter} ("" for all). */
  static double sum(String text, String name, String labelFilter) {
    double total = 0;
    for (String line : text.split("\n")) {
      if (line.startsWith("#") || !line.startsWith(name)) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      String series = line.substring(0, space);
      boolean exact = series.equals(name) || series.startsWith(name + "{");
      if (exact && series.contains(labelFilter)) {
        total += Double.parseDouble(line.substring(space + 1));
      }
    }
    return total;
  }
}
