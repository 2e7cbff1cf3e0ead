package io.hirebot.store;

import static io.hirebot.testing.MemoryDatabase.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.hire.OwnChange;
import io.hirebot.hire.TerminationReason;
import io.hirebot.schedule.MutableClock;
import io.hirebot.testing.MemoryDatabase;
import io.hirebot.testing.PostgresDatabase;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The changes the bot made, in one table: a Hire event finds the move the bot made (who, and the chats it was made
 * from), a move made in Hire finds none; a profile reads every change Hire made, and none it did not.
 */
class OwnChangesTest {
  private static final Instant ENTERED = Instant.parse("2026-11-20T02:00:00Z");

  private static OwnChange move(MutableClock clock, String actor, String from, String to) {
    return OwnChange.move("a1", now(clock), actor, from, ENTERED, to, false);
  }

  /** The clock's time as the table keeps it, to the millisecond. */
  private static Instant now(MutableClock clock) {
    return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
  }

  private static Set<String> chatsOf(JdbcOwnChanges changes, String event, String app, String from, String to) {
    return await(changes.matchEvent(event, app, from, to)).map(JdbcOwnChanges.Matched::chats).orElse(Set.of());
  }

  private static void matchesEachMoveToOneEvent(Database db) {
    MutableClock clock = MutableClock.atNow();
    JdbcOwnChanges changes = new JdbcOwnChanges(db, clock);
    // GIVEN the bot moved a1 from s1 to s2 for a click in a group (whose form landed in another), and later again
    await(changes.move(move(clock, "ou_li", "s1", "s2"), Set.of("oc_team", "oc_other"), Future::succeededFuture));
    clock.advance(Duration.ofSeconds(1));
    await(changes.move(move(clock, "ou_zhang", "s1", "s2"), Set.of("p2p_li"), Future::succeededFuture));

    // THEN Hire's events for the two moves each find their own move and chats, the oldest move first
    Optional<JdbcOwnChanges.Matched> first = await(changes.matchEvent("ev:1", "a1", "s1", "s2"));
    assertEquals(Set.of("oc_team", "oc_other"), first.orElseThrow().chats());
    assertEquals("ou_li", first.get().move().by());
    assertEquals(Set.of("p2p_li"), chatsOf(changes, "ev:2", "a1", "s1", "s2"));
    // AND a retried event finds the same move again
    assertEquals(Set.of("oc_team", "oc_other"), chatsOf(changes, "ev:1", "a1", "s1", "s2"));
    // AND a third move between the same stages, made in Hire, is none of the bot's
    assertEquals(Optional.empty(), await(changes.matchEvent("ev:3", "a1", "s1", "s2")));
  }

  private static void matchesByApplicationAndStages(Database db) {
    MutableClock clock = MutableClock.atNow();
    JdbcOwnChanges changes = new JdbcOwnChanges(db, clock);
    await(changes.move(move(clock, "ou_li", "s1", "s2"), Set.of("oc_team"), Future::succeededFuture));
    await(changes.record(OwnChange.rejection(application("a1", "s2"), clock.instant(), "ou_li", REASON)));

    assertEquals(Set.of(), chatsOf(changes, "ev:1", "a2", "s1", "s2"), "another application");
    assertEquals(Set.of(), chatsOf(changes, "ev:2", "a1", "s1", "s3"), "another target");
    assertEquals(Set.of(), chatsOf(changes, "ev:3", "a1", "s0", "s2"), "another origin");
    // An event that leaves the origin out matches on the rest.
    assertEquals(Set.of("oc_team"), chatsOf(changes, "ev:4", "a1", "", "s2"));
    assertEquals(Optional.empty(), await(changes.matchEvent("ev:5", "a1", "s2", "s2")), "a rejection is no move");
  }

  private static void forgetsAFailedMoveAndAnOldOne(Database db) {
    MutableClock clock = MutableClock.atNow();
    JdbcOwnChanges changes = new JdbcOwnChanges(db, clock);
    Future<Void> failed = changes.move(move(clock, "ou_li", "s1", "s2"), Set.of("oc_team"),
        () -> Future.failedFuture(new IllegalStateException("Hire refused")));
    awaitFailure(failed);
    assertEquals(Set.of(), chatsOf(changes, "ev:1", "a1", "s1", "s2"), "Hire made no move for a failed write");
    assertEquals(List.of(), await(changes.of(List.of("a1"))), "nor does a profile show it");

    // A move whose event never came is no longer matched once Feishu has stopped delivering it.
    await(changes.move(move(clock, "ou_li", "s1", "s2"), Set.of("oc_team"), Future::succeededFuture));
    clock.advance(JdbcOwnChanges.MATCHED_WITHIN.plusSeconds(1));
    assertEquals(Set.of(), chatsOf(changes, "ev:2", "a1", "s1", "s2"));
  }

  private static void historyHoldsWhatHireMade(Database db) {
    MutableClock clock = MutableClock.atNow();
    JdbcOwnChanges changes = new JdbcOwnChanges(db, clock);
    // GIVEN a move noted while its write runs, whose event comes before the write answers (and fails)
    AtomicReference<List<OwnChange>> whileWriting = new AtomicReference<>();
    AtomicReference<Optional<JdbcOwnChanges.Matched>> event = new AtomicReference<>();
    OwnChange moved = move(clock, "ou_li", "s1", "s2");
    awaitFailure(changes.move(moved, Set.of("oc_team"), () -> changes.of(List.of("a1")).compose(seen -> {
      whileWriting.set(seen);
      return changes.matchEvent("ev:1", "a1", "s1", "s2");
    }).compose(matched -> {
      event.set(matched);
      return Future.failedFuture(new IllegalStateException("timed out, but Hire made it"));
    })));
    assertEquals(Set.of("oc_team"), event.get().orElseThrow().chats());
    // AND a rejection Hire accepted, with its reason in both languages, and its Undo
    clock.advance(Duration.ofMinutes(1));
    OwnChange rejected = OwnChange.rejection(application("a1", "s2"), now(clock), "ou_li", REASON);
    await(changes.record(rejected));
    clock.advance(Duration.ofMinutes(1));
    OwnChange restored = OwnChange.restore(application("a1", "s2"), now(clock), "ou_zhang");
    await(changes.record(restored));

    // THEN the move was not history while Hire had not made it, and is once its event came
    assertEquals(List.of(), whileWriting.get());
    assertEquals(List.of(moved, rejected, restored), await(changes.of(List.of("a1", "a2"))));
    assertTrue(await(changes.of(List.of("a2"))).isEmpty());
  }

  private static final TerminationReason REASON = new TerminationReason("r1", "技能不匹配", "Skills do not match",
      TerminationReason.WE_REJECTED, true);

  private static io.hirebot.hire.Application application(String id, String stageId) {
    return new io.hirebot.hire.Application(id, "j1", "t1", "Carol", new io.hirebot.hire.Stage(stageId, "", "",
        io.hirebot.hire.StageType.OTHER), true, ENTERED, ENTERED);
  }

  private static void awaitFailure(Future<?> f) {
    try {
      f.toCompletionStage().toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException expected) {
      return;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("the write was expected to fail");
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

    @Test
    @DisplayName("a profile reads the moves Hire made (one whose event came, though its write failed), rejections and "
        + "restores, oldest first; not a move still being written")
    void history() {
      historyHoldsWhatHireMade(memory.db);
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

    @Test
    @DisplayName("a profile reads the moves Hire made, rejections and restores (PostgreSQL)")
    void history() {
      historyHoldsWhatHireMade(postgres.db);
    }
  }
}
