package io.hirebot.store;

import static io.hirebot.testing.MemoryDatabase.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hirebot.schedule.MutableClock;
import io.hirebot.testing.MemoryDatabase;
import io.hirebot.testing.PostgresDatabase;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A Hire event finds the chats the bot's own move was made from, and a move made in Hire finds none. */
class ChatMovesTest {

  private static void matchesEachMoveToOneEvent(Database db) {
    MutableClock clock = MutableClock.atNow();
    ChatMoves moves = new ChatMoves(db, clock);
    // GIVEN the bot moved a1 from s1 to s2 for a click in a group (whose form landed in another), and later again
    await(moves.record("a1", "s1", "s2", List.of("oc_team", "oc_other")));
    clock.advance(java.time.Duration.ofSeconds(1));
    await(moves.record("a1", "s1", "s2", List.of("p2p_li")));

    // THEN Hire's events for the two moves each find their own chats, the oldest move first
    assertEquals(Set.of("oc_team", "oc_other"), await(moves.chatsOf("ev:1", "a1", "s1", "s2")));
    assertEquals(Set.of("p2p_li"), await(moves.chatsOf("ev:2", "a1", "s1", "s2")));
    // AND a retried event finds the same chats again
    assertEquals(Set.of("oc_team", "oc_other"), await(moves.chatsOf("ev:1", "a1", "s1", "s2")));
    // AND a third move between the same stages, made in Hire, is the bot's for no chat
    assertEquals(Set.of(), await(moves.chatsOf("ev:3", "a1", "s1", "s2")));
  }

  private static void matchesByApplicationAndStages(Database db) {
    MutableClock clock = MutableClock.atNow();
    ChatMoves moves = new ChatMoves(db, clock);
    await(moves.record("a1", "s1", "s2", List.of("oc_team")));

    assertEquals(Set.of(), await(moves.chatsOf("ev:1", "a2", "s1", "s2")), "another application");
    assertEquals(Set.of(), await(moves.chatsOf("ev:2", "a1", "s1", "s3")), "another target");
    assertEquals(Set.of(), await(moves.chatsOf("ev:3", "a1", "s0", "s2")), "another origin");
    // An event that leaves the origin out matches on the rest.
    assertEquals(Set.of("oc_team"), await(moves.chatsOf("ev:4", "a1", "", "s2")));
  }

  private static void forgetsAFailedMoveAndAnOldOne(Database db) {
    MutableClock clock = MutableClock.atNow();
    ChatMoves moves = new ChatMoves(db, clock);
    String failed = await(moves.record("a1", "s1", "s2", List.of("oc_team")));
    await(moves.forget(failed));
    assertEquals(Set.of(), await(moves.chatsOf("ev:1", "a1", "s1", "s2")), "Hire made no move for a failed write");

    // A move whose event never came is no longer matched once Feishu has stopped delivering it.
    await(moves.record("a1", "s1", "s2", List.of("oc_team")));
    clock.advance(ChatMoves.MATCHED_WITHIN.plusSeconds(1));
    assertEquals(Set.of(), await(moves.chatsOf("ev:2", "a1", "s1", "s2")));
  }

  @Nested
  class OnH2 {
    @RegisterExtension
    final MemoryDatabase memory = new MemoryDatabase();

    @Test
    @DisplayName("each of two moves between the same stages is matched to one event, a retried event to the same one")
    void eachMoveOneEvent() {
      matchesEachMoveToOneEvent(memory.db);
    }

    @Test
    @DisplayName("an event matches a move of its application between its stages only (either stage when it names one)")
    void byApplicationAndStages() {
      matchesByApplicationAndStages(memory.db);
    }

    @Test
    @DisplayName("a failed write's move, and one older than Feishu's deliveries, match no event")
    void failedAndOld() {
      forgetsAFailedMoveAndAnOldOne(memory.db);
    }
  }

  @Nested
  class OnPostgres {
    @RegisterExtension
    final PostgresDatabase postgres = new PostgresDatabase();

    @Test
    @DisplayName("each of two moves between the same stages is matched to one event (PostgreSQL)")
    void eachMoveOneEvent() {
      matchesEachMoveToOneEvent(postgres.db);
    }

    @Test
    @DisplayName("an event matches a move of its application between its stages only (PostgreSQL)")
    void byApplicationAndStages() {
      matchesByApplicationAndStages(postgres.db);
    }
  }
}
