package io.hirebot.bench;

import java.time.Duration;

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
    BenchHttp.Response r = BenchHttp.await(http.get(port, "/metrics"), Duration.ofSeconds(10));
    if (r.status() != 200) {
      throw new IllegalStateException("/metrics answered " + r.status());
    }
    return r.body();
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
