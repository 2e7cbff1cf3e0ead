package io.hirebot.bench;

import io.hirebot.store.Database;
import io.hirebot.store.JdbcProcessedEvents;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The CPU an event's durable claim and finish cost, apart from HTTP: {@code JdbcProcessedEvents} on an H2 file
 * database, as deployed, in waves of {@code concurrency} events (each wave's claims share transactions with the
 * previous wave's finishes, as under intake load). CPU per event is the whole JVM's, after a warm-up; on a busy
 * machine it moves much less than events per second do, so changes to the claim path are compared with it.
 * {@code java -cp … io.hirebot.bench.ClaimCost [events] [concurrency]}.
 */
public final class ClaimCost {
  private static final Duration WAVE_TIMEOUT = Duration.ofSeconds(60);

  private ClaimCost() {}

  public static void main(String[] args) throws IOException {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 40_000;
    int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    Path dir = Files.createTempDirectory("hirebot-claim-cost");
    Vertx vertx = Vertx.vertx();
    Database db = BenchHttp.await(Database.open(vertx, "jdbc:h2:file:" + dir.resolve("claims"), "", ""), WAVE_TIMEOUT);
    try {
      JdbcProcessedEvents claims = new JdbcProcessedEvents(db, Clock.systemUTC());
      run(claims, "warm", events, concurrency);
      long cpu = Machine.processCpuNanos();
      long wall = System.nanoTime();
      run(claims, "measured", events, concurrency);
      cpu = Machine.processCpuNanos() - cpu;
      wall = System.nanoTime() - wall;
      System.out.printf("claim+finish: %d events, %d at a time: %.1f us CPU per event, %.0f events/s, load %.2f%n",
          events, concurrency, cpu / 1000.0 / events, events * 1e9 / wall, Machine.loadAverage());
    } finally {
      db.close();
      BenchHttp.await(vertx.close(), WAVE_TIMEOUT);
    }
  }

  private static void run(JdbcProcessedEvents claims, String runId, int events, int concurrency) {
    List<Future<?>> previous = List.of();
    for (int n = 0; n < events; n += concurrency) {
      List<Future<?>> wave = new ArrayList<>();
      for (int i = n; i < Math.min(events, n + concurrency); i++) {
        String key = "om_" + runId + "_" + i;
        String envelope = Envelopes.groupText(key, "oc_claim_cost", "status update " + i, "", false);
        wave.add(claims.claim(key, envelope).compose(first -> {
          if (!first) {
            return Future.failedFuture(new IllegalStateException("claimed twice: " + key));
          }
          return Future.succeededFuture(key);
        }));
      }
      BenchHttp.await(Future.all(wave), WAVE_TIMEOUT);
      BenchHttp.await(Future.all(previous), WAVE_TIMEOUT);
      List<Future<?>> finishes = new ArrayList<>();
      wave.forEach(f -> finishes.add(claims.done((String) f.result())));
      previous = finishes;
    }
    BenchHttp.await(Future.all(previous), WAVE_TIMEOUT);
  }
}
