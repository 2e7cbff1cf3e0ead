package io.hirebot.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.net.URISyntaxException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's database: a HikariCP pool on H2 (default) or PostgreSQL (by JDBC URL), migrated by Flyway at
 * open, with every statement run on the bounded "db" worker pool so no event loop ever waits for JDBC.
 */
public final class Database implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Database.class);
  /** As many threads as connections: a worker never waits for a connection another worker holds. */
  public static final int POOL_SIZE = 8;
  /**
   * Threads (and connections) kept for work a user is waiting on right now — a reply's rate permit, say — so a
   * routine's hundreds of queued statements never delay them. Event claims have threads of their own
   * ({@link #WRITER_POOL_SIZE}).
   */
  public static final int URGENT_POOL_SIZE = 2;
  /**
   * Connections the pool keeps while the bot starts: one for the migration check, one spare. Until it serves nothing
   * else uses the database (the warm-up has its own), and each connection more is CPU the start competes for (H2
   * opening a session; on PostgreSQL a TCP and authentication round trip). {@link #serving} restores the full pool.
   */
  public static final int START_CONNECTIONS = 2;
  /**
   * Threads (and connections) of the group commits' writers ({@link GroupCommit}: the event claims', the application
   * jobs'), apart from {@link #URGENT_POOL_SIZE}'s: each writer has one transaction in flight at most, so with one
   * thread each (and one for the claim journal's copies into the table, {@link JdbcProcessedEvents}) a claim never
   * waits for a thread, not behind a reply's rate permit (on PostgreSQL an UPDATE of a shared
   * budget's row, which waits for as long as another transaction holds that row) nor behind the other writer. Named
   * under "db-urgent-" with the urgent threads (the benchmark's claim writer CPU counts both).
   */
  static final int WRITER_POOL_SIZE = 3;
  /** The pool's connections once the bot serves: one per thread of the three pools. */
  static final int CONNECTIONS = POOL_SIZE + URGENT_POOL_SIZE + WRITER_POOL_SIZE;
  static final long CONNECTION_TIMEOUT_MS = 3_000;
  static final long MAX_BLOCKING_SECONDS = 30;
  static final String UNIQUE_VIOLATION = "23505";
  /** PostgreSQL's lock_not_available: a statement's {@link #URGENT_LOCK_WAIT_MS} for another's row lock ran out. */
  static final String LOCK_NOT_AVAILABLE = "55P03";
  /** Connections (and threads) of a {@link #scratch} database: the warm-up's few statements at a time. */
  private static final int SCRATCH_POOL_SIZE = 2;
  /**
   * The longest a transaction on the urgent threads waits for a lock another transaction holds (PostgreSQL, whose
   * default is for ever; H2 gives up after its own {@code LOCK_TIMEOUT}). A claim's insert waits for another
   * replica's uncommitted insert of the same event; if that replica went silent in its transaction (a long GC pause,
   * a stopped VM, a network partition), PostgreSQL keeps the lock until it notices, and the one writer of every claim
   * would wait with it: the bot would acknowledge nothing, and log nothing. Past this wait the blocked statement
   * fails alone (its push gets a 503 and Feishu delivers it again). It applies per statement, and a blocked key can
   * meet it up to three times in one group commit (the batch insert, that key's insert alone, its finish), each
   * acknowledgement of the batch waiting meanwhile: three times this stays inside Feishu's 3 s with room for the rest.
   */
  static final long URGENT_LOCK_WAIT_MS = 400;
  private static final String BOUND_LOCK_WAIT = "SET LOCAL lock_timeout = " + URGENT_LOCK_WAIT_MS;
  /**
   * How long a PostgreSQL connection waits for the server's next bytes before it fails (pgjdbc's {@code socketTimeout},
   * unset by default, i.e. for ever). A database that stops answering without closing the connection (a half-open
   * TCP connection after a failover, a dropped NAT entry) would otherwise hold the claim writer, and with it every
   * acknowledgement, until the process restarts; past this the statement fails, its pushes get a 503 and Feishu
   * delivers them again. Longer than any statement of the bot's; a URL that sets its own keeps it.
   */
  public static final int PG_SOCKET_TIMEOUT_SECONDS = 60;
  private static final String H2_WRITE_DELAY = "WRITE_DELAY";
  private static final String H2_QUERY_CACHE = "QUERY_CACHE_SIZE";
  /**
   * Parsed statements H2 keeps per connection. Group commits write 1 to {@code JdbcProcessedEvents.MAX_GROUP} claims
   * (or finishes) in one statement, a different SQL text for each count: with H2's default of 8 most of them were
   * parsed again every time (JFR: H2's parser was ~5% of the claim thread's time under intake load).
   */
  static final int H2_QUERY_CACHE_SIZE = 256;

  /** One unit of JDBC work on a borrowed connection. */
  @FunctionalInterface
  public interface Work<T> {
    T apply(Connection connection) throws SQLException;
  }

  private final HikariDataSource pool;
  private final WorkerExecutor worker;
  private final WorkerExecutor urgent;
  private final WorkerExecutor writers;
  private final String url;
  private final boolean scratch;
  /** Whether {@link #journaledClaims} was asked for (then {@link #claims} is this database's share, or null). */
  private boolean claimsAttached;
  private JournaledClaims claims;
  /**
   * A scratch database's claim journal, in a directory of its own deleted on close, else null: the warm-up's claims
   * then run the journal's code (append, copy into the table), which a file database's first event otherwise runs
   * cold (the first command after a start: 182 ms with the journal's first use inside it, 123 ms without a journal;
   * medians of three fresh JVMs).
   */
  private final java.nio.file.Path scratchJournal;

  private Database(HikariDataSource pool, WorkerExecutor worker, WorkerExecutor urgent, WorkerExecutor writers,
      String url, boolean scratch, java.nio.file.Path scratchJournal) {
    this.scratchJournal = scratchJournal;
    this.pool = pool;
    this.worker = worker;
    this.urgent = urgent;
    this.writers = writers;
    this.url = url;
    this.scratch = scratch;
  }

  /** Opens the pool and migrates the schema, on the "db" worker; fails with the URL (never the password) on error. */
  public static Future<Database> open(Vertx vertx, String url, String user, String password) {
    WorkerExecutor worker = vertx.createSharedWorkerExecutor("db", POOL_SIZE, MAX_BLOCKING_SECONDS, TimeUnit.SECONDS);
    return worker.executeBlocking(() -> {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(withQueryCache(durable(url)));
      if (user != null && !user.isEmpty()) {
        config.setUsername(user);
        config.setPassword(password);
      }
      if (sharedUrl(url)) {
        // Driver defaults: a URL's own parameters take precedence over them (pgjdbc reads these as the defaults).
        config.addDataSourceProperty("socketTimeout", String.valueOf(PG_SOCKET_TIMEOUT_SECONDS));
        config.addDataSourceProperty("tcpKeepAlive", "true");
      }
      config.setMaximumPoolSize(CONNECTIONS);
      config.setMinimumIdle(START_CONNECTIONS);
      config.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
      config.setPoolName("hirebot-db");
      HikariDataSource pool = new HikariDataSource(config);
      try {
        migrate(pool, url);
        return new Database(pool, worker,
            vertx.createSharedWorkerExecutor("db-urgent", URGENT_POOL_SIZE, MAX_BLOCKING_SECONDS, TimeUnit.SECONDS),
            vertx.createSharedWorkerExecutor("db-urgent-writers", WRITER_POOL_SIZE, MAX_BLOCKING_SECONDS,
                TimeUnit.SECONDS),
            url, false, null);
      } catch (RuntimeException | SQLException e) {
        pool.close();
        throw e;
      }
    }, false).recover(e -> {
      worker.close();
      return Future.failedFuture(new IllegalStateException("database unusable url=" + url + ": " + e.getMessage(), e));
    });
  }

  /**
   * A throwaway in-memory H2 database with the schema the migrations create, for the start-up warm-up to run the
   * stores' code on without touching the bot's own database (whatever its engine). The schema comes from the script
   * shipped in the jar ({@link ScratchSchema}: one script for what the migrations make, and any migration added since
   * on top), not through Flyway, whose classes a restart otherwise never loads. Gone once closed. Blocks (tens of ms):
   * call it off the event loop.
   *
   * @throws IllegalStateException when the migrations cannot be listed or a script fails
   */
  public static Database scratch(Vertx vertx, String name) {
    Map<String, Integer> scripts;
    try {
      scripts = AppliedMigrations.onClasspath(Database.class.getClassLoader());
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException("cannot list the migrations for the scratch database " + name, e);
    }
    if (scripts == null) {
      throw new IllegalStateException("migrations not all versioned SQL scripts: no scratch database " + name);
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:mem:" + name);
    config.setMaximumPoolSize(SCRATCH_POOL_SIZE);
    config.setMinimumIdle(1);
    config.setPoolName(name);
    HikariDataSource pool = new HikariDataSource(config);
    try (Connection c = pool.getConnection(); Statement statement = c.createStatement()) {
      ScratchSchema.Plan plan = ScratchSchema.plan(scripts, Database.class.getClassLoader());
      for (String step : ScratchSchema.statements(plan)) {
        statement.execute(step);
      }
      if (!plan.shippedSchema() || !plan.migrations().isEmpty()) {
        log.info("scratch database {} created from {}: {} is stale (io.hirebot.store.ScratchSchemaWriter in the test "
            + "tree writes it again)", name, ScratchSchema.describe(plan), ScratchSchema.RESOURCE);
      }
    } catch (SQLException | IOException e) {
      pool.close();
      throw new IllegalStateException("scratch database " + name + " not created: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    java.nio.file.Path journal;
    try {
      journal = java.nio.file.Files.createTempDirectory("hirebot-" + name + "-claims");
    } catch (IOException | RuntimeException e) {
      // A read-only temp directory costs only the journal's warm-up, not the rest of it: claims are rows then.
      log.debug("scratch database {} without a claim journal cause={}", name, e.toString());
      journal = null;
    }
    return new Database(pool,
        vertx.createSharedWorkerExecutor(name, SCRATCH_POOL_SIZE, MAX_BLOCKING_SECONDS, TimeUnit.SECONDS),
        vertx.createSharedWorkerExecutor(name + "-urgent", SCRATCH_POOL_SIZE, MAX_BLOCKING_SECONDS, TimeUnit.SECONDS),
        vertx.createSharedWorkerExecutor(name + "-writers", WRITER_POOL_SIZE, MAX_BLOCKING_SECONDS, TimeUnit.SECONDS),
        "jdbc:h2:mem:" + name, true, journal);
  }

  /**
   * Runs Flyway unless the history already holds exactly the classpath's migrations ({@link AppliedMigrations}): a
   * restart then skips Flyway's scan, validation and classes (the database's share of the start-up CPU was about a
   * third). A changed, new or failed migration still goes through Flyway, which migrates or refuses as before.
   */
  private static void migrate(HikariDataSource pool, String url) throws SQLException {
    long started = System.nanoTime();
    boolean upToDate;
    try (Connection connection = pool.getConnection()) {
      upToDate = AppliedMigrations.upToDate(connection, Database.class.getClassLoader());
    }
    if (upToDate) {
      log.info("database ready url={} migrations_applied=0 flyway=skipped (history matches the jar's migrations) "
          + "check_ms={}", url, (System.nanoTime() - started) / 1_000_000);
      return;
    }
    // Out of order: a migration may come with a version below one already applied (V10 after V31: versions are handed
    // out per change as work starts, and changes land in another order); each is written to apply in either order.
    var result = Flyway.configure().dataSource(pool).locations("classpath:" + AppliedMigrations.LOCATION)
        .outOfOrder(true).load().migrate();
    log.info("database ready url={} migrations_applied={} schema_version={} flyway_ms={}", url,
        result.migrationsExecuted, result.targetSchemaVersion, (System.nanoTime() - started) / 1_000_000);
  }

  /**
   * The URL with H2 told to write every commit to its file before the commit returns. H2 otherwise commits in
   * the background ({@code WRITE_DELAY}, 500 ms by default), so an event acknowledged with a 200 after its claim
   * was "committed" could vanish with the process (kill -9 lost ~1 in 30 under load). PostgreSQL needs nothing:
   * an auto-commit statement returns after its commit. An operator's explicit {@code WRITE_DELAY} is kept.
   *
   * <p>What "durable" means with H2 (2.3): each commit writes its MVStore chunk to the file with
   * {@code FileChannel.write} before returning, but H2 never calls {@code fsync} ({@code FileChannel.force}) on a
   * commit, only when the database closes or compacts. So an acknowledged claim survives the JVM dying (kill -9,
   * out of memory, a crash), because the operating system holds the write; it does not survive the machine
   * itself crashing or losing power before the kernel flushes its page cache (seconds). PostgreSQL with its
   * default {@code synchronous_commit=on} flushes its WAL to disk before the commit returns, which survives both.
   */
  static String durable(String url) {
    boolean h2File = url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:");
    if (!h2File) {
      return url;
    }
    String delay = setting(url, H2_WRITE_DELAY);
    if (delay != null) {
      if (!"0".equals(delay)) {
        log.warn("database url sets WRITE_DELAY={}: events acknowledged in the last {} ms before a crash may be lost",
            delay, delay);
      }
      return url;
    }
    return url + ";" + H2_WRITE_DELAY + "=0";
  }

  /** An H2 URL with {@link #H2_QUERY_CACHE_SIZE} parsed statements kept per connection, unless it sets its own. */
  static String withQueryCache(String url) {
    if (!url.startsWith("jdbc:h2:") || setting(url, H2_QUERY_CACHE) != null) {
      return url;
    }
    return url + ";" + H2_QUERY_CACHE + "=" + H2_QUERY_CACHE_SIZE;
  }

  /** The value of an H2 URL setting ({@code ;NAME=value}, name in any case), or null. */
  private static String setting(String url, String name) {
    for (String part : url.split(";")) {
      String[] kv = part.split("=", 2);
      if (kv.length == 2 && name.equalsIgnoreCase(kv[0].trim())) {
        return kv[1].trim();
      }
    }
    return null;
  }

  /**
   * The directory of the claim journal for a database in a local H2 file: next to the file, named after it with
   * {@code .claims} ({@code jdbc:h2:file:./data/hirebot} keeps it in {@code ./data/hirebot.claims}); null for any other
   * database (in memory, an H2 server, PostgreSQL), whose claims are rows written by the commit that answers them.
   */
  static java.nio.file.Path claimJournalDir(String url) {
    if (!url.startsWith("jdbc:h2:")) {
      return null;
    }
    if ("true".equalsIgnoreCase(setting(url, "AUTO_SERVER"))) {
      return null; // other processes may use the file through this one: their claims must be rows at once
    }
    String name = url.substring("jdbc:h2:".length()).split(";", 2)[0];
    if (name.startsWith("file:")) {
      name = name.substring("file:".length());
    } else if (!(name.startsWith("/") || name.startsWith("./") || name.startsWith("~") || name.startsWith("../")
        || name.matches("[A-Za-z]:[/\\\\].*"))) {
      return null; // mem:, tcp:, ssl:, zip:, a file system prefix such as nio: or async:
    }
    if (name.startsWith("~")) {
      name = System.getProperty("user.home") + name.substring(1);
    }
    return java.nio.file.Path.of(name + ".claims");
  }

  /**
   * The claims journaled in front of this database's {@code processed_events} ({@link #claimJournalDir}), shared with
   * every database on the same H2 file in this process, or null when it has no journal; the first call opens it
   * (blocking: reading back what an earlier process left) and {@link #close} lets go of it.
   */
  synchronized JournaledClaims journaledClaims() throws java.io.IOException {
    if (!claimsAttached) {
      java.nio.file.Path dir = scratchJournal != null ? scratchJournal : claimJournalDir(url);
      claims = dir == null ? null : JournaledClaims.attach(this, dir);
      claimsAttached = true;
    }
    return claims;
  }

  /** Runs {@code work} on the "db" worker with an auto-commit connection. */
  public <T> Future<T> run(Work<T> work) {
    return run(worker, work);
  }

  /** Like {@link #run}, on the few threads kept for what a user is waiting on (never for bulk work). */
  public <T> Future<T> runUrgent(Work<T> work) {
    return run(urgent, work);
  }

  private <T> Future<T> run(WorkerExecutor on, Work<T> work) {
    try {
      return on.executeBlocking(() -> {
        try (Connection c = pool.getConnection()) {
          return work.apply(c);
        }
      }, false);
    } catch (RejectedExecutionException e) {
      // Work finishing after close (a reply landing during shutdown) fails its future instead of throwing.
      return Future.failedFuture(new IllegalStateException("database closed url=" + url, e));
    }
  }

  /** Runs {@code work} in one transaction, rolled back if it throws. */
  public <T> Future<T> transaction(Work<T> work) {
    return run(c -> inTransaction(c, work));
  }

  /**
   * Like {@link #transaction}, waiting at most {@link #URGENT_LOCK_WAIT_MS} for a row another transaction holds (then
   * failing), as {@link #transactionUrgent} does: for statements a stuck transaction elsewhere must not hold for ever.
   */
  public <T> Future<T> transactionBoundedWait(Work<T> work) {
    return run(c -> inTransaction(c, boundLockWaits(work)));
  }

  /** Like {@link #transactionBoundedWait}, on the threads kept for what a user is waiting on. */
  public <T> Future<T> transactionUrgent(Work<T> work) {
    return runUrgent(c -> inTransaction(c, boundLockWaits(work)));
  }

  /**
   * Like {@link #transactionUrgent}, on the group commits' own threads ({@link #WRITER_POOL_SIZE}), and completes
   * {@code into} on the database thread itself once the transaction committed or failed, not on the caller's event
   * loop: a group commit's writer learns of its commit there and starts the next at once, however busy the loop that
   * started it is. {@code into}'s listeners run on that thread: they must be short and must not block.
   */
  <T> void transactionUrgent(Work<T> work, Promise<T> into) {
    try {
      writers.executeBlocking(() -> {
        T result;
        try (Connection c = pool.getConnection()) {
          result = inTransaction(c, boundLockWaits(work));
        } catch (Throwable e) {
          into.tryFail(e);
          return null;
        }
        into.tryComplete(result);
        return null;
      }, false).onFailure(into::tryFail);
    } catch (RejectedExecutionException e) {
      into.tryFail(new IllegalStateException("database closed url=" + url, e));
    }
  }

  /** {@code work} after {@link #URGENT_LOCK_WAIT_MS} was set for its transaction (PostgreSQL; H2 has its own). */
  private <T> Work<T> boundLockWaits(Work<T> work) {
    if (!shared()) {
      return work;
    }
    return c -> {
      try (Statement s = c.createStatement()) {
        s.execute(BOUND_LOCK_WAIT);
      }
      return work.apply(c);
    };
  }

  private static <T> T inTransaction(Connection c, Work<T> work) throws SQLException {
    c.setAutoCommit(false);
    try {
      T result = work.apply(c);
      c.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  /** Completes when the database answers a trivial query. */
  public Future<Void> ping() {
    return run(c -> {
      if (!c.isValid((int) (CONNECTION_TIMEOUT_MS / 1000))) {
        throw new SQLException("connection not valid");
      }
      return null;
    });
  }

  /** The JDBC URL, for health output and logs (it carries no password: that is configured apart). */
  public String url() {
    return url;
  }

  /** Whether this is a {@link #scratch} database: what happens in it happened to no user. */
  public boolean scratch() {
    return scratch;
  }

  /** Whether replicas may share this database (PostgreSQL); an H2 file belongs to one process. */
  public boolean shared() {
    return sharedUrl(url);
  }

  /** {@link #shared()} for a database not opened yet. */
  public static boolean sharedUrl(String url) {
    return url.startsWith("jdbc:postgresql:");
  }

  /**
   * Whether a failed statement spoils its transaction until a rollback (PostgreSQL: every later statement is refused),
   * so that a statement allowed to fail needs a savepoint before it. H2 rolls a failed statement back by itself and
   * the transaction goes on; a JDBC savepoint there is pure cost (JFR: ~7% of the claim writer's time).
   */
  public boolean failedStatementSpoilsTransaction() {
    return !url.startsWith("jdbc:h2:");
  }

  static boolean isUniqueViolation(SQLException e) {
    return UNIQUE_VIOLATION.equals(e.getSQLState());
  }

  /**
   * The bot serves: the pool keeps all its connections from now on, as it did from the start before. Hikari opens
   * them only at its next housekeeping (up to 30 s later), and meanwhile a borrower that finds none idle waits for one
   * to be opened, one at a time: on PostgreSQL (a TCP and authentication round trip each) a burst right after healthy
   * queued for them. So there they are opened now, in the background on one "db" thread.
   */
  public void serving() {
    pool.getHikariConfigMXBean().setMinimumIdle(CONNECTIONS);
    if (shared()) {
      run(c -> openAll(c)).onFailure(e -> log.warn("database connections not opened at once url={} cause={}", url,
          e.toString()));
    }
  }

  /**
   * Borrows connections (besides {@code first}) until the pool holds {@link #CONNECTIONS}, each new one opened by the
   * pool, then gives them all back idle. Others borrow meanwhile as usual: the pool opens theirs alongside.
   */
  private int openAll(Connection first) throws SQLException {
    java.util.List<Connection> held = new java.util.ArrayList<>();
    try {
      while (pool.getHikariPoolMXBean().getTotalConnections() < CONNECTIONS && held.size() < CONNECTIONS) {
        held.add(pool.getConnection());
      }
      return held.size();
    } finally {
      for (Connection c : held) {
        c.close();
      }
    }
  }

  /** Connections the pool keeps open, idle or not. */
  int connectionsKept() {
    return pool.getHikariConfigMXBean().getMinimumIdle();
  }

  /** Connections open now. */
  int connectionsOpen() {
    return pool.getHikariPoolMXBean().getTotalConnections();
  }

  @Override
  public void close() {
    closeClaimJournal();
    if (scratchJournal != null) {
      deleteScratchJournal();
    }
    pool.close();
    worker.close();
    urgent.close();
    writers.close();
  }

  private void deleteScratchJournal() {
    try (var files = java.nio.file.Files.list(scratchJournal)) {
      for (java.nio.file.Path f : (Iterable<java.nio.file.Path>) files::iterator) {
        java.nio.file.Files.deleteIfExists(f);
      }
      java.nio.file.Files.deleteIfExists(scratchJournal);
    } catch (IOException e) {
      log.warn("scratch claim journal not deleted dir={} cause={}", scratchJournal, e.toString());
    }
  }

  /** Lets go of the claim journal: the last database on it copies what it holds into the table and closes it. */
  private synchronized void closeClaimJournal() {
    if (claims != null) {
      claims.detach(this);
      claims = null;
    }
  }
}
