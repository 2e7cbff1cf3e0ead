package io.hirebot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The warm-up's scratch database, made from the schema shipped in the jar, has the schema Flyway makes from the
 * migrations; a migration the shipped schema lacks runs on top of it, and a schema made from other migrations is
 * not used.
 */
class ScratchSchemaTest {
  private Vertx vertx;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() throws Exception {
    await(vertx.close());
  }

  @Test
  @DisplayName("the scratch database's tables, keys, defaults and indexes are those Flyway's migrations make")
  void sameSchemaAsFlyway() throws Exception {
    // GIVEN a database Flyway migrated (the bot's own open) and a scratch database (the warm-up's)
    Database migrated = await(Database.open(vertx, "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", ""));
    Database scratch = Database.scratch(vertx, "scratch-schema-test-" + UUID.randomUUID());
    try {
      // THEN H2 describes both schemas alike (Flyway's history table apart)
      List<String> expected = await(migrated.run(ScratchSchemaTest::schema));
      List<String> actual = await(scratch.run(ScratchSchemaTest::schema));
      assertTrue(expected.size() > 20, "the migrations' schema: " + expected);
      assertEquals(expected, actual);
      // AND it came from the shipped schema alone: it covers every migration of the jar
      assertEquals(AppliedMigrations.onClasspath(loader()), ScratchSchema.covered(loader()),
          "the shipped " + ScratchSchema.RESOURCE + " is stale: run io.hirebot.store.ScratchSchemaWriter");
    } finally {
      migrated.close();
      scratch.close();
    }
  }

  @Test
  @DisplayName("a migration added since the shipped schema runs on top of it; a changed one means every migration")
  void staleSchema() throws Exception {
    Map<String, Integer> shipped = ScratchSchema.covered(loader());
    // GIVEN the jar's migrations and one more, added after the shipped schema was written
    Map<String, Integer> added = new HashMap<>(shipped);
    added.put("V99__added_later.sql", 42);
    // THEN the shipped schema is used and only the new migration runs after it
    ScratchSchema.Plan plan = ScratchSchema.plan(added, loader());
    assertTrue(plan.shippedSchema());
    assertEquals(List.of("V99__added_later.sql"), plan.migrations());

    // GIVEN instead a migration the shipped schema was made from, changed since
    Map<String, Integer> changed = new HashMap<>(shipped);
    changed.put("V1__init.sql", shipped.get("V1__init.sql") + 1);
    // THEN the shipped schema is not used: every migration runs, in version order
    ScratchSchema.Plan all = ScratchSchema.plan(changed, loader());
    assertFalse(all.shippedSchema());
    assertEquals(shipped.size(), all.migrations().size());
    assertEquals("V1__init.sql", all.migrations().get(0));
    List<Integer> versions = all.migrations().stream().map(ScratchSchema::version).toList();
    assertEquals(versions.stream().sorted().toList(), versions);
  }

  /**
   * H2's description of the schema, one statement a line, sorted: constraint names (H2's own counters) and
   * settings (the URL's) left out.
   */
  private static List<String> schema(java.sql.Connection c) throws java.sql.SQLException {
    List<String> lines = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SCRIPT NODATA")) {
      while (rows.next()) {
        String line = rows.getString(1).strip().replaceAll("\"CONSTRAINT_[0-9A-F]+\"", "\"CONSTRAINT\"")
            .replace("CREATE CACHED TABLE", "CREATE MEMORY TABLE");
        if (!line.contains("flyway_schema_history") && !line.startsWith("CREATE USER") && !line.startsWith("--")
            && !line.startsWith("SET ")) {
          lines.add(line);
        }
      }
    }
    return lines.stream().sorted().toList();
  }

  private static ClassLoader loader() {
    return ScratchSchemaTest.class.getClassLoader();
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
