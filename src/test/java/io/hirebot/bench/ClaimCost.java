package io.hirebot.bench;

import io.hirebot.store.Database;
import io.hirebot.store.JdbcProcessedEvents;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
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
 * On an H2 file the claims are journaled and copied into the table in batches ({@code JournaledClaims}): H2's writes
 * are then the copies'. {@code dropped} measures events the filters drop instead (group chatter: claimed finished, no finish later).
 * {@code java -cp … io.hirebot.bench.ClaimCost [events] [concurrency] [kept|dropped]}.
 */
public final class ClaimCost {
  private static final Duration WAVE_TIMEOUT = Duration.ofSeconds(60);
  /**
   * The thread groups that write the group commits: {@code Database}'s urgent pool and its writers' lane
   * ("db-urgent-", "db-urgent-writers-"), counted together.
   */
  private static final String WRITER = "db-urgent-";

  private ClaimCost() {}

  public static void main(String[] args) throws IOException {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 40_000;
    int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    boolean dropped = args.length > 2 && "dropped".equals(args[2]);
    Path dir = TempDirs.create("hirebot-claim-cost");
    Vertx vertx = Vertx.vertx();
    Database db = BenchHttp.await(Database.open(vertx, "jdbc:h2:file:" + dir.resolve("claims") + System.getProperty("claimcost.settings", ""), "", ""), WAVE_TIMEOUT);
    try {
      JdbcProcessedEvents claims = new JdbcProcessedEvents(db, Clock.systemUTC());
      // Submitted from an event loop, as the bot's middleware does (finishes then wait to ride with claims).
      Context loop = vertx.getOrCreateContext();
      run(loop, claims, "warm", events, concurrency, dropped);
      long writes = fileWrites(db, "info.FILE_WRITE");
      long bytes = fileWrites(db, "info.FILE_WRITE_BYTES");
      java.util.Map<String, Long> threads = Machine.cpuNanosByThreadGroup();
      long allocated = writers(Machine.allocatedBytesByThreadGroup());
      long cpu = Machine.processCpuNanos();
      long wall = System.nanoTime();
      run(loop, claims, "measured", events, concurrency, dropped);
      cpu = Machine.processCpuNanos() - cpu;
      wall = System.nanoTime() - wall;
      writes = fileWrites(db, "info.FILE_WRITE") - writes;
      bytes = fileWrites(db, "info.FILE_WRITE_BYTES") - bytes;
      // The writer's own CPU moves less with other processes' load than the whole JVM's (JIT, GC) does.
      long writer = writers(Machine.cpuNanosByThreadGroup()) - writers(threads);
      // Bytes the writer allocates per event move with the code only, not with the machine's load.
      allocated = writers(Machine.allocatedBytesByThreadGroup()) - allocated;
      System.out.printf((dropped ? "claimed finished" : "claim+finish") + ": %d events, %d at a time: %.1f us CPU per "
          + "event (%s threads %.1f, allocating %.0f bytes), %.0f events/s, %.3f H2 file writes (table commits; on a file the claims' own records go to the claim journal) and %.0f H2 bytes written per event, "
          + "load %.2f%n", events, concurrency, cpu / 1000.0 / events, WRITER, writer / 1000.0 / events,
          allocated / (double) events, events * 1e9 / wall, writes / (double) events, bytes / (double) events, Machine.loadAverage());
    } finally {
      db.close();
      BenchHttp.await(vertx.close(), WAVE_TIMEOUT);
    }
  }

  /** The sum over the writers' thread groups (names starting with {@link #WRITER}). */
  private static long writers(java.util.Map<String, Long> byGroup) {
    return byGroup.entrySet().stream().filter(e -> e.getKey().startsWith(WRITER)).mapToLong(java.util.Map.Entry::getValue)
        .sum();
  }

  private static void run(Context loop, JdbcProcessedEvents claims, String runId, int events, int concurrency,
      boolean dropped) {
    List<Future<?>> previous = List.of();
    List<String> claimed = List.of();
    for (int n = 0; n < events; n += concurrency) {
      int first = n;
      List<String> finishing = claimed;
      List<Future<?>> wave = new ArrayList<>();
      List<Future<?>> finishes = new ArrayList<>();
      BenchHttp.await(onLoop(loop, () -> {
        // The last wave's finishes, then this wave's claims: they share a transaction, as under load.
        finishing.forEach(key -> finishes.add(claims.done(key)));
        for (int i = first; i < Math.min(events, first + concurrency); i++) {
          String key = "om_" + runId + "_" + i;
          String envelope = Envelopes.groupText(key, "oc_claim_cost", "status update " + i, "", false);
          wave.add((dropped ? claims.claimFinished(key) : claims.claim(key, envelope)).compose(won -> won ? Future.succeededFuture(key)
              : Future.failedFuture(new IllegalStateException("claimed twice: " + key))));
        }
      }), WAVE_TIMEOUT);
      BenchHttp.await(Future.all(wave), WAVE_TIMEOUT);
      BenchHttp.await(Future.all(previous), WAVE_TIMEOUT);
      previous = finishes;
      claimed = dropped ? List.of() : wave.stream().map(f -> (String) f.result()).toList();
    }
    List<String> last = claimed;
    List<Future<?>> finishes = new ArrayList<>();
    BenchHttp.await(onLoop(loop, () -> last.forEach(key -> finishes.add(claims.done(key)))), WAVE_TIMEOUT);
    BenchHttp.await(Future.all(previous), WAVE_TIMEOUT);
    BenchHttp.await(Future.all(finishes), WAVE_TIMEOUT);
  }

  /** H2's count of writes (one per commit that changed something) or bytes written to its file so far. */
  private static long fileWrites(Database db, String setting) {
    return BenchHttp.await(db.run(c -> {
      try (var s = c.createStatement();
          var r = s.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = '"
              + setting + "'")) {
        return r.next() ? Long.parseLong(r.getString(1)) : -1L;
      }
    }), WAVE_TIMEOUT);
  }

  private static Future<Void> onLoop(Context loop, Runnable work) {
    io.vertx.core.Promise<Void> done = io.vertx.core.Promise.promise();
    loop.runOnContext(v -> {
      work.run();
      done.complete();
    });
    return done.future();
  }
}
