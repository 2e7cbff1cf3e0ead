package io.hirebot.store;

import io.hirebot.i18n.Names;
import io.hirebot.store.JdbcProcessedEvents.Claim;
import io.hirebot.store.JdbcProcessedEvents.Done;
import io.hirebot.store.JdbcProcessedEvents.Write;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Event claims on a local H2 file, made durable by a {@link ClaimJournal} record instead of an H2 commit, and copied
 * into {@code processed_events} afterwards, many at a time. An H2 commit costs ~85 us whatever it holds (it writes an
 * MVStore chunk, and rewrites the layout of every chunk kept), and a group commit holds at most as many claims as
 * Feishu has connections open; a journal record is one file write per group. The table stays the truth for everything
 * but the newest claims: each claim is checked against the claims not copied yet ({@code pending}, in memory, as
 * long as one copy takes) and then against the table, so a redelivery is recognised whether it arrives before the
 * copy, after it, or after a restart (the journal's segments left at a start are read back and copied into the table
 * before any claim is answered). Claims whose key is in the table already (a stale claim taken over, an expired one reused) are
 * written to the table directly, as on PostgreSQL. Readers of claim state that is not the claim itself (the replay
 * of unfinished events, a failed attempt, a release) first wait for the copy ({@link #settled}).
 *
 * <p>One per journal directory in a process: every {@link Database} on the same H2 file (replicas in one JVM, as
 * tests run them) shares it, writes go through it one group at a time, and its journal closes with the last of them.
 * Another process cannot open the H2 file meanwhile (H2 locks it), nor the journal (locked too).
 */
final class JournaledClaims {
  private static final Logger log = LoggerFactory.getLogger(JournaledClaims.class);

  /**
   * A claim's state not in the table yet.
   *
   * @param newRow whether the table has no row for it (a claim written only to the journal), else a finish of a row
   * @param envelope kept for a replay while unfinished
   * @param doneAt when it finished, or null
   */
  private record Pending(String key, String envelope, long at, Long doneAt, boolean newRow) {
    Pending finished(long now) {
      return new Pending(key, null, at, now, newRow);
    }
  }

  /** The widths of {@code processed_events.event_key} and {@code envelope}. */
  static final int KEY_CHARS = 200;
  static final int ENVELOPE_CHARS = 1_000_000;
  /** How much of a key a log line shows. */
  private static final int LOGGED_KEY = 81;

  /**
   * The longest a claim waits in the journal before its copy into the table starts. Each copy is one table commit:
   * at 10,000 events/s this makes ~5 of them per second, holding ~2,000 claims each, instead of one per group.
   */
  static final long COPY_DELAY_MS = 200;
  /** Pending claims that start a copy without waiting any longer: bounds what waits in memory under a flood. */
  static final int COPY_BATCH = 4096;
  /** How long the database's close waits for the copy under way. */
  static final long LAST_COPY_WAIT_MS = 5_000;

  private static final Map<java.nio.file.Path, JournaledClaims> OPEN = new HashMap<>();

  /** The databases on the H2 file, which the copies use (any one still open). */
  private final List<Database> users = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final ClaimJournal journal;
  /** Serialises the groups of every writer sharing this (one per database using it). */
  private final Object writing = new Object();
  /** Guards {@link #pending}, {@link #waiters} and the order of appends and seals. */
  private final Object lock = new Object();
  private final Map<String, Pending> pending = new HashMap<>();
  private List<Promise<Void>> waiters = new ArrayList<>();
  private final AtomicBoolean copying = new AtomicBoolean();

  /**
   * The claims of the journal in {@code dir} for {@code db}: the process's one for that directory, or opened now
   * (reading back what earlier processes left there, which blocks). {@link #detach} when {@code db} closes.
   */
  static JournaledClaims attach(Database db, java.nio.file.Path dir) throws IOException {
    java.nio.file.Path key = dir.toAbsolutePath().normalize();
    synchronized (OPEN) {
      JournaledClaims claims = OPEN.get(key);
      if (claims == null) {
        ClaimJournal journal = ClaimJournal.open(key);
        try {
          claims = new JournaledClaims(journal);
          claims.copyReadBack(db);
        } catch (IOException | RuntimeException e) {
          journal.close();
          throw e;
        }
        OPEN.put(key, claims);
      }
      claims.users.add(db);
      return claims;
    }
  }

  /** {@code db} closes: the last database using the journal closes it, after a last copy into the table. */
  void detach(Database db) {
    synchronized (OPEN) {
      users.remove(db);
      if (!users.isEmpty()) {
        return;
      }
      OPEN.remove(journal.dir());
      // Closed while OPEN is held: a database opened on the same file meanwhile waits for the lock, not fails on it.
      try {
        journal.close();
      } catch (IOException e) {
        log.warn("claim journal not closed dir={} cause={}", journal.dir(), e.toString());
      }
    }
  }

  /** The journal's directory (the key it is shared under in this process). */
  java.nio.file.Path dir() {
    return journal.dir();
  }

  private JournaledClaims(ClaimJournal journal) {
    this.journal = journal;
    journal.onClose(this::lastCopy);
    List<ClaimJournal.Entry> recovered;
    try {
      recovered = journal.recover();
    } catch (IOException e) {
      throw new UncheckedIOException("claim journal unreadable dir=" + journal.dir(), e);
    }
    for (ClaimJournal.Entry e : recovered) {
      Pending before = pending.get(e.key());
      pending.put(e.key(), switch (e.kind()) {
        case CLAIMED -> new Pending(e.key(), e.envelope(), e.at(), null, true);
        case CLAIMED_FINISHED -> new Pending(e.key(), null, e.at(), e.at(), true);
        case DONE -> before != null ? before.finished(e.at()) : new Pending(e.key(), null, e.at(), e.at(), false);
      });
    }
    if (!recovered.isEmpty()) {
      log.info("claim journal read back dir={} records={} events={}", journal.dir(), recovered.size(), pending.size());
    }
  }

  /**
   * One group commit's claims and finishes, in {@code c}'s transaction: answers each claim (true: claimed) and
   * finish (null), having written them to the journal before it returns. Claims of keys the table holds are decided
   * and committed there first.
   */
  List<Object> write(Connection c, List<Write> batch) throws SQLException {
    synchronized (writing) {
      return writeAlone(c, batch);
    }
  }

  private List<Object> writeAlone(Connection c, List<Write> batch) throws SQLException {
    Object[] results = new Object[batch.size()];
    Map<String, Integer> unseen = new LinkedHashMap<>();
    synchronized (lock) {
      for (int i = 0; i < batch.size(); i++) {
        if (batch.get(i) instanceof Claim claim) {
          if (claim.key().length() > KEY_CHARS || (claim.kept() != null && claim.kept().length() > ENVELOPE_CHARS)) {
            // What the table would refuse is refused before the journal, as a direct insert would be.
            results[i] = new SQLException("event claim too long for processed_events key=" + clip(claim.key()), "22001");
          } else if (pending.containsKey(claim.key()) || unseen.containsKey(claim.key())) {
            results[i] = false; // claimed (or finished) lately, or twice in this batch: the first one is the claim
          } else {
            unseen.put(claim.key(), i);
          }
        }
      }
    }
    // Only the writer holding {@link #writing} adds keys to the table or to pending: what it finds absent stays so.
    Set<String> stored = stored(c, unseen.keySet());
    for (String key : stored) {
      int i = unseen.remove(key);
      results[i] = JdbcProcessedEvents.oneByOne(c, () -> JdbcProcessedEvents.claim(c, (Claim) batch.get(i)), false);
    }
    if (!stored.isEmpty()) {
      c.commit(); // a take-over is durable before any record that follows it (its finish)
    }
    List<ClaimJournal.Entry> records = new ArrayList<>(batch.size());
    Map<String, Pending> staged = new HashMap<>();
    synchronized (lock) {
      for (int i = 0; i < batch.size(); i++) {
        Write w = batch.get(i);
        if (w instanceof Claim claim && Integer.valueOf(i).equals(unseen.get(claim.key()))) {
          staged.put(claim.key(), new Pending(claim.key(), claim.kept(), claim.now(), claim.doneAt(), true));
          records.add(new ClaimJournal.Entry(claim.finished() ? ClaimJournal.Kind.CLAIMED_FINISHED
              : ClaimJournal.Kind.CLAIMED, claim.key(), claim.now(), claim.kept()));
          results[i] = true;
        } else if (w instanceof Done done) {
          Pending before = staged.containsKey(done.key()) ? staged.get(done.key()) : pending.get(done.key());
          staged.put(done.key(), before != null ? before.finished(done.now())
              : new Pending(done.key(), null, done.now(), done.now(), false));
          records.add(new ClaimJournal.Entry(ClaimJournal.Kind.DONE, done.key(), done.now(), null));
        }
      }
      try {
        journal.append(records);
      } catch (IOException e) {
        throw new SQLException("claims not written: " + e.getMessage(), e);
      }
      pending.putAll(staged);
      if (pending.size() >= COPY_BATCH) {
        lock.notifyAll();
      }
    }
    copySoon();
    return Arrays.asList(results);
  }

  /** Completes once every claim and finish written before the call is in the table. */
  Future<Void> settled() {
    ContextInternal context = (ContextInternal) Vertx.currentContext();
    Promise<Void> settled = context != null ? context.promise() : Promise.promise();
    synchronized (lock) {
      if (pending.isEmpty()) {
        return Future.succeededFuture();
      }
      waiters.add(settled);
      lock.notifyAll();
    }
    copySoon();
    return settled.future();
  }

  /** Keys of {@code keys} the table has a row for. */
  private static Set<String> stored(Connection c, Set<String> keys) throws SQLException {
    Set<String> found = new HashSet<>();
    if (keys.isEmpty()) {
      return found;
    }
    try (PreparedStatement s = c.prepareStatement("SELECT event_key FROM processed_events WHERE event_key IN ("
        + String.join(", ", Collections.nCopies(keys.size(), "?")) + ")")) {
      int p = 1;
      for (String key : keys) {
        s.setString(p++, key);
      }
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          found.add(r.getString(1));
        }
      }
    }
    return found;
  }

  /**
   * Starts copying what is pending into the table unless a copy is under way (its end starts the next). A copy waits
   * up to {@link #COPY_DELAY_MS} for more to arrive (less once {@link #COPY_BATCH} are pending, someone waits for it
   * in {@link #settled}, or the journal closes), so under load one table commit holds hundreds of claims.
   */
  private void copySoon() {
    if (journal.closed() || users.isEmpty() || !copying.compareAndSet(false, true)) {
      return;
    }
    Database db = users.get(0);
    List<Pending> batch = new ArrayList<>();
    List<Promise<Void>> waiting = new ArrayList<>();
    Promise<Long> copied = Promise.promise();
    db.transactionUrgent(c -> {
      long sealed;
      synchronized (lock) {
        awaitBatch();
        batch.addAll(pending.values());
        waiting.addAll(waiters);
        waiters.clear();
        try {
          sealed = journal.seal();
        } catch (IOException e) {
          throw new SQLException("claim journal not sealed dir=" + journal.dir(), e);
        }
      }
      copy(c, batch);
      return sealed;
    }, copied);
    copied.future().onComplete(ar -> {
      if (ar.succeeded()) {
        synchronized (lock) {
          batch.forEach(p -> pending.remove(p.key(), p));
          if (pending.isEmpty()) {
            // Waiters who came during this copy wanted only what it just committed: with nothing pending, no copy
            // would ever start for them.
            waiting.addAll(waiters);
            waiters.clear();
          }
        }
        try {
          journal.deleteThrough(ar.result());
        } catch (IOException e) {
          // Harmless but for the disk: a later copy deletes them, and reading them back at a start writes nothing new.
          log.warn("claim journal segments not deleted dir={} through={} cause={}", journal.dir(), ar.result(),
              e.toString());
        }
        waiting.forEach(Promise::tryComplete);
      } else {
        log.warn("claims not copied into the table events={} cause={} (kept in the journal; copied again next time)",
            batch.size(), ar.cause().toString());
        List<Promise<Void>> failed = new ArrayList<>(waiting);
        synchronized (lock) {
          failed.addAll(waiters);
          waiters.clear();
        }
        failed.forEach(p -> p.tryFail(ar.cause()));
      }
      boolean more;
      synchronized (lock) {
        copying.set(false);
        lock.notifyAll(); // the database's close may be waiting for this copy
        more = ar.succeeded() && (!pending.isEmpty() || !waiters.isEmpty());
      }
      if (more) {
        copySoon();
      }
    });
  }

  /**
   * The journal closed (the database is closing): a copy waiting for more starts now, and the close waits for it (at
   * most {@link #LAST_COPY_WAIT_MS}), so a clean stop leaves the table current and no copy running on closed pools.
   * What it does not copy stays in the journal for the next start.
   */
  private void lastCopy() {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(LAST_COPY_WAIT_MS);
    synchronized (lock) {
      lock.notifyAll();
      long left;
      while (copying.get() && (left = deadline - System.nanoTime()) > 0) {
        try {
          lock.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /**
   * Copies what the journal held at the start into the table before any claim is answered, so that every claim
   * from before the start is judged by the table's rules (a stale claim taken over, an expired one reused), not by
   * its age in the journal. Blocks; a start whose copy fails fails.
   */
  private void copyReadBack(Database db) throws IOException {
    if (pending.isEmpty()) {
      return;
    }
    List<Pending> batch = new ArrayList<>(pending.values());
    long sealed = journal.seal();
    Promise<Void> copied = Promise.promise();
    db.transactionUrgent(c -> {
      copy(c, batch);
      return null;
    }, copied);
    try {
      copied.future().toCompletionStage().toCompletableFuture().get(Database.MAX_BLOCKING_SECONDS,
          java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IOException("claims read back from the journal not copied into the table dir=" + journal.dir() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while copying the journal's claims dir=" + journal.dir(), e);
    }
    pending.clear();
    journal.deleteThrough(sealed);
    log.info("claim journal copied into the table dir={} events={}", journal.dir(), batch.size());
  }

  /** Holding {@link #lock}: waits until a copy is due (see {@link #copySoon}). */
  private void awaitBatch() {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(COPY_DELAY_MS);
    long left;
    while (pending.size() < COPY_BATCH && waiters.isEmpty() && !journal.closed()
        && (left = deadline - System.nanoTime()) > 0) {
      try {
        lock.wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Writes {@code batch} into the table: new rows inserted (a row already there is finished if its claim is), finishes. */
  private static void copy(Connection c, List<Pending> batch) throws SQLException {
    List<Pending> rows = new ArrayList<>();
    List<Pending> finishes = new ArrayList<>();
    for (Pending p : batch) {
      (p.newRow() ? rows : finishes).add(p);
    }
    for (int from = 0; from < rows.size(); from += JdbcProcessedEvents.MAX_GROUP) {
      List<Pending> chunk = rows.subList(from, Math.min(rows.size(), from + JdbcProcessedEvents.MAX_GROUP));
      try {
        insert(c, chunk);
      } catch (SQLException e) {
        // Copied before (a finish that arrived during the last copy, or segments read back after a crash that came
        // between a copy's commit and its deletion of them): the row stays as it is, and is finished if this is.
        for (Pending p : chunk) {
          try {
            insert(c, List.of(p));
          } catch (SQLException again) {
            if (Database.isUniqueViolation(again)) {
              if (p.doneAt() != null) {
                finishes.add(p);
              }
            } else if (isDataError(again)) {
              // One row the table refuses for what it holds must not hold back every later copy (and the journal's
              // deletion); anything else (a lock, the disk) fails the whole copy, which keeps the journal and retries.
              log.error("event claim not copied into the table key={} cause={}", clip(p.key()), again.toString());
            } else {
              throw again;
            }
          }
        }
      }
    }
    for (int from = 0; from < finishes.size(); from += JdbcProcessedEvents.MAX_GROUP) {
      List<Pending> chunk = finishes.subList(from, Math.min(finishes.size(), from + JdbcProcessedEvents.MAX_GROUP));
      JdbcProcessedEvents.finishAll(c, chunk.stream().<Write>map(p -> new Done(p.key(), p.doneAt())).toList());
    }
  }

  /** SQLSTATE class 22 (data exception): the row's values, which no retry changes. */
  private static boolean isDataError(SQLException e) {
    return e.getSQLState() != null && e.getSQLState().startsWith("22");
  }

  /** The start of a key for a log line (a key too long for its column may be any length). */
  private static String clip(String key) {
    return Names.cut(key, LOGGED_KEY);
  }

  private static void insert(Connection c, List<Pending> rows) throws SQLException {
    JdbcProcessedEvents.insertAll(c, rows.stream().<Write>map(p -> new Claim(p.key(), p.envelope(), p.at(), p.doneAt())).toList());
  }
}
