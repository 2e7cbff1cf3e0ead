package io.hirebot.store;

import static io.hirebot.testing.MemoryDatabase.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hirebot.schedule.MutableClock;
import io.hirebot.testing.MemoryDatabase;
import io.hirebot.testing.PostgresDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a living card shows is stored whole, and a refresh it owes is taken once when due, on both databases the bot
 * runs on.
 */
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

  /**
   * A refresh Feishu did not take is due after its back-off, taken by one taker (held its lease), due later after a
   * second failure in a row, and settled by whatever lands on the card.
   */
  private static void owedRefreshTakenOnce(Database db) {
    MutableClock clock = MutableClock.atNow();
    CardRegistry registry = new CardRegistry(db, clock);
    CardRegistry.ShownCard card = new CardRegistry.ShownCard("om_2", "oc_1", "group", "ou_1", VIEW, null);
    await(registry.record(card, Set.of("job:j1")));
    Instant since = clock.instant().minus(Duration.ofDays(1));
    IntFunction<Duration> backoff = failures -> Duration.ofSeconds(2L * failures);

    assertEquals(Duration.ofSeconds(2), await(registry.refreshFailed("om_2", backoff)));
    assertEquals(List.of(), taken(registry, null, since), "not due before its back-off");
    clock.advance(Duration.ofSeconds(3));
    assertEquals(List.of("om_2"), taken(registry, null, since));
    assertEquals(List.of(), taken(registry, "om_2", since), "taken once: held its lease");
    assertEquals(Duration.ofSeconds(4), await(registry.refreshFailed("om_2", backoff)), "two failures in a row");
    clock.advance(Duration.ofSeconds(5));
    assertEquals(List.of("om_2"), taken(registry, "om_2", since));

    await(registry.record(card, Set.of("job:j1")));
    clock.advance(Duration.ofMinutes(10));
    assertEquals(List.of(), taken(registry, null, since), "settled by the refresh that landed");
  }

  private static List<String> taken(CardRegistry registry, String messageId, Instant since) {
    return await(registry.takeDueRefreshes(messageId, since, Duration.ofMinutes(2))).stream()
        .map(CardRegistry.ShownCard::messageId).toList();
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

    @Test
    @DisplayName("a refresh owed is taken once when due, and settled by what lands (H2)")
    void owedRefresh() {
      owedRefreshTakenOnce(memory.db);
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

    @Test
    @DisplayName("a refresh owed is taken once when due, and settled by what lands (PostgreSQL)")
    void owedRefresh() {
      owedRefreshTakenOnce(postgres.db);
    }
  }
}
