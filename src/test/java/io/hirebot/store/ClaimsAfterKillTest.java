package io.hirebot.store;

import static io.hirebot.testing.MemoryDatabase.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.bot.middleware.ProcessedEvents;
import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Claims on an H2 file survive kill -9 of the process that made them: a process claiming without pause
 * ({@link ClaimWriterChild}) is killed, a torn record is left at its journal's end, and a new process recognises every
 * claim it answered as a duplicate, replays exactly the kept events it never finished, and gets them all into the table.
 */
class ClaimsAfterKillTest {
  /** Claims the child must have answered before it is killed. */
  private static final int KILL_AFTER = 3_000;

  @TempDir
  Path dir;

  static String key(int n) {
    return "ev_kill_" + n;
  }

  static int number(String key) {
    return Integer.parseInt(key.substring("ev_kill_".length()));
  }

  static boolean kept(int n) {
    return n % 3 == 0;
  }

  static String envelope(int n) {
    return "{\"event\":\"kept " + n + "\"}";
  }

  @Test
  @DisplayName("kill -9 mid-write: every answered claim is a duplicate after the restart, unfinished kept events replay")
  void killedMidWrite() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("hirebot");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(List.of(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
        ClaimWriterChild.class.getName(), url)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    Set<String> claimed = new HashSet<>();
    Set<String> done = new HashSet<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while (claimed.size() < KILL_AFTER && (line = out.readLine()) != null) {
        if (line.startsWith("claimed ")) {
          claimed.add(line.substring("claimed ".length()));
        } else if (line.startsWith("done ")) {
          done.add(line.substring("done ".length()));
        }
      }
      // WHEN it is killed while it keeps claiming
      child.destroyForcibly();
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    }
    assertTrue(claimed.size() >= KILL_AFTER, "the child answered " + claimed.size() + " claims before it stopped");
    // AND its last write was cut short
    Path journal = Database.claimJournalDir(url);
    List<Path> segments;
    try (Stream<Path> files = Files.list(journal)) {
      segments = files.filter(f -> f.toString().endsWith(".log")).sorted().toList();
    }
    assertFalse(segments.isEmpty(), "the killed process left its journal");
    Files.write(segments.get(segments.size() - 1), ByteBuffer.allocate(13).putInt(400).putInt(7).array(),
        StandardOpenOption.APPEND);
    Map<String, Boolean> inTable = rows(url, claimed);
    System.out.printf("claims after kill: answered=%d finished=%d in the table at the kill=%d journal segments=%d%n",
        claimed.size(), done.size(), inTable.size(), segments.size());

    // THEN a new process sees every answered claim (and none of the rest: an unanswered claim may or may not be there)
    Vertx vertx = Vertx.vertx();
    Database db = await(Database.open(vertx, url, "", ""));
    try {
      Clock afterLease = Clock.offset(Clock.systemUTC(), JdbcProcessedEvents.LEASE.plusMinutes(1));
      JdbcProcessedEvents events = new JdbcProcessedEvents(db, afterLease);
      Set<String> replayed = new HashSet<>();
      // The unfinished kept events, each with its envelope, oldest first (a bounded page at a time: finished as read)
      for (List<ProcessedEvents.Unfinished> page = await(events.unfinished()); !page.isEmpty();
          page = await(events.unfinished())) {
        for (ProcessedEvents.Unfinished u : page) {
          assertEquals(envelope(number(u.key())), u.envelope());
          assertTrue(replayed.add(u.key()), "replayed twice: " + u.key());
          await(events.done(u.key()));
        }
      }
      // The child prints a wave's claims, then the last wave's finishes: the finishes of the last two waves read may
      // have been written without being read.
      int lastWave = claimed.stream().mapToInt(k -> number(k) / 8).max().orElseThrow();
      Set<String> expected = new HashSet<>();
      for (String key : claimed) {
        if (kept(number(key)) && !done.contains(key) && number(key) / 8 < lastWave - 1) {
          expected.add(key);
        }
      }
      assertTrue(replayed.containsAll(expected), "unfinished kept events not replayed: "
          + expected.stream().filter(k -> !replayed.contains(k)).limit(5).toList());
      for (String key : replayed) {
        assertTrue(kept(number(key)) && !done.contains(key), "a finished or dropped event replayed: " + key);
      }
      System.out.printf("claims after kill: replayed=%d (expected at least %d)%n", replayed.size(), expected.size());
      for (String key : claimed) {
        assertFalse(await(events.claim(key, "{}")), "a claim answered before the kill is a duplicate after it: " + key);
      }
    } finally {
      db.close();
      await(vertx.close());
    }
    // AND once the new process has stopped, every answered claim is a row of the table
    assertEquals(claimed.size(), rows(url, claimed).size());
  }

  /** The rows the table holds for {@code keys}, read by plain JDBC (key -> finished). */
  private static Map<String, Boolean> rows(String url, Set<String> keys) throws Exception {
    Map<String, Boolean> found = new HashMap<>();
    try (Connection c = DriverManager.getConnection(url, "", "");
        PreparedStatement s = c.prepareStatement("SELECT event_key, done_at FROM processed_events");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        if (keys.contains(r.getString(1))) {
          found.put(r.getString(1), r.getObject(2) != null);
        }
      }
    }
    return found;
  }
}
