package io.hirebot.store;

import static io.hirebot.testing.MemoryDatabase.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hirebot.testing.MemoryDatabase;
import io.hirebot.testing.PostgresDatabase;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a living card shows is stored whole, on both databases the bot runs on. */
class CardRegistryTest {
  /**
   * A list's view keeping a rejection's notice: the note alone may be 1,000 characters (the form's limit), in
   * Chinese, with the notice's text and its Undo value around it.
   */
  private static final String VIEW = "{\"action\":\"candidates.page\",\"job_id\":\"j1\",\"outcome\":{\"text\":\""
      + "拒".repeat(1_000) + "x".repeat(1_500) + "\"}}";

  private static void storedWhole(Database db) {
    CardRegistry registry = new CardRegistry(db, Clock.systemUTC());
    await(registry.record(new CardRegistry.ShownCard("om_1", "oc_1", "group", "ou_1", VIEW, null),
        Set.of("job:j1")));
    assertEquals(VIEW, await(registry.card("om_1")).orElseThrow().view());
  }

  @Nested
  class OnH2 {
    @RegisterExtension
    final MemoryDatabase memory = new MemoryDatabase();

    @Test
    @DisplayName("a view of 2,500 characters is stored and read back whole (H2)")
    void longView() {
      storedWhole(memory.db);
    }
  }

  @Nested
  class OnPostgres {
    @RegisterExtension
    final PostgresDatabase postgres = new PostgresDatabase();

    @Test
    @DisplayName("a view of 2,500 characters is stored and read back whole (PostgreSQL)")
    void longView() {
      storedWhole(postgres.db);
    }
  }
}
