package io.hirebot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A start skips Flyway only when the history holds exactly the classpath's migrations with Flyway's own checksums;
 * anything else runs Flyway, which still refuses a changed migration (H2, the real migrations).
 */
class AppliedMigrationsTest {
  private final String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
  private Vertx vertx;
  private Connection connection;

  @BeforeEach
  void open() throws SQLException {
    vertx = Vertx.vertx();
    connection = DriverManager.getConnection(url, "", "");
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
    await(vertx.close());
  }

  @Test
  @DisplayName("an empty database is not up to date; once Flyway migrated it, it is (our checksums are Flyway's)")
  void upToDateAfterFlyway() throws Exception {
    assertFalse(AppliedMigrations.upToDate(connection, loader()), "no history table yet");

    await(Database.open(vertx, url, "", "")).close();

    Map<String, Integer> shipped = AppliedMigrations.onClasspath(loader());
    assertTrue(shipped.containsKey("V1__init.sql"), shipped.toString());
    assertTrue(AppliedMigrations.upToDate(connection, loader()),
        "the history Flyway wrote matches the " + shipped.size() + " migrations on the classpath");
    // AND a second open (the restart) finds a usable database without running Flyway
    await(Database.open(vertx, url, "", "")).close();
  }

  @Test
  @DisplayName("a database an older release left at V21 (Flyway's history) is migrated to the jar's latest at open")
  void olderStopMigrated() throws Exception {
    // GIVEN a database Flyway migrated up to V21, as a release of that time left it
    org.flywaydb.core.Flyway.configure().dataSource(url, "", "").locations("classpath:" + AppliedMigrations.LOCATION)
        .target("21").load().migrate();
    assertFalse(AppliedMigrations.upToDate(connection, loader()), "V23 is not applied yet");

    // WHEN the bot opens it
    await(Database.open(vertx, url, "", "")).close();

    // THEN the later migrations ran (V23 dropped the claims' expiry index) and the history matches the jar
    assertTrue(AppliedMigrations.upToDate(connection, loader()));
    try (var rows = connection.createStatement().executeQuery(
        "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" = '23' AND \"success\"")) {
      rows.next();
      assertEquals(1, rows.getInt(1));
    }
  }

  @Test
  @DisplayName("a changed migration's checksum: not up to date, and the start fails in Flyway's validation as before")
  void changedMigrationStillRefused() throws Exception {
    await(Database.open(vertx, url, "", "")).close();
    update("UPDATE \"flyway_schema_history\" SET \"checksum\" = \"checksum\" + 1 WHERE \"script\" = 'V2__held_notifications.sql'");

    assertFalse(AppliedMigrations.upToDate(connection, loader()));
    Throwable refused = awaitFailure(Database.open(vertx, url, "", ""));
    assertTrue(refused.getMessage().contains("checksum mismatch") || refused.getMessage().contains("Validate failed"),
        refused.getMessage());
  }

  @Test
  @DisplayName("a failed migration, or one the classpath does not ship: not up to date")
  void failedOrUnknownRowsRunFlyway() throws Exception {
    await(Database.open(vertx, url, "", "")).close();
    update("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"script\" = 'V1__init.sql'");
    assertFalse(AppliedMigrations.upToDate(connection, loader()), "a failed row");

    update("UPDATE \"flyway_schema_history\" SET \"success\" = TRUE");
    update("INSERT INTO \"flyway_schema_history\" SELECT \"installed_rank\" + 100, '99', 'future', \"type\", "
        + "'V99__future.sql', 1, \"installed_by\", \"installed_on\", \"execution_time\", TRUE "
        + "FROM \"flyway_schema_history\" WHERE \"script\" = 'V1__init.sql'");
    assertFalse(AppliedMigrations.upToDate(connection, loader()), "a migration this jar does not ship");
  }

  @Test
  @DisplayName("the checksum ignores line endings and a byte-order mark, as Flyway's does")
  void checksumLikeFlyway() throws Exception {
    int lf = AppliedMigrations.checksum(bytes("CREATE TABLE t (id INT);\nINSERT INTO t VALUES (1);\n"));
    assertEquals(lf, AppliedMigrations.checksum(bytes("CREATE TABLE t (id INT);\r\nINSERT INTO t VALUES (1);\r\n")));
    assertEquals(lf, AppliedMigrations.checksum(bytes("\uFEFFCREATE TABLE t (id INT);\nINSERT INTO t VALUES (1);")));
  }

  private void update(String sql) throws SQLException {
    try (var st = connection.createStatement()) {
      st.executeUpdate(sql);
    }
  }

  private static ByteArrayInputStream bytes(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  private static ClassLoader loader() {
    return AppliedMigrations.class.getClassLoader();
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static Throwable awaitFailure(Future<?> future) {
    try {
      future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("the start succeeded");
  }
}
