package io.hirebot.store;

import static io.hirebot.testing.MemoryDatabase.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.hire.OwnChange;
import io.hirebot.hire.TerminationReason;
import io.hirebot.schedule.MutableClock;
import io.hirebot.store.PendingNotices.Due;
import io.hirebot.store.PendingNotices.Notice;
import io.hirebot.store.PendingNotices.Pending;
import io.hirebot.testing.MemoryDatabase;
import io.hirebot.testing.PostgresDatabase;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Notices of the bot's own changes a chat does not have yet: due again after each failed send's back-off, given up
 * after the last, and taken by one replica only when two look at once.
 */
class PendingNoticesTest {
  private static final TerminationReason REASON = new TerminationReason("r1", "不合适", "Not a fit",
      TerminationReason.WE_REJECTED, true);

  private static Notice notice(MutableClock clock) {
    OwnChange rejection = new OwnChange(OwnChange.Kind.REJECT, "a1", clock.instant().truncatedTo(ChronoUnit.MILLIS),
        "ou_li", "s1", null, "s1", false, REASON);
    return new Notice("notify:reject:a1:" + rejection.at().toEpochMilli(), rejection, "j1", "t1", "Carol Davis");
  }

  private static void retriedWithBackOffThenGivenUp(Database db) {
    MutableClock clock = MutableClock.atNow();
    PendingNotices pending = new PendingNotices(db, clock);
    Notice notice = notice(clock);
    // GIVEN the notice kept for a chat, its first send under way
    await(pending.add(notice, List.of("oc_team")));
    assertEquals(List.of(), await(pending.takeDue()).taken(), "a send under way is not taken");
    Pending first = new Pending(notice, "oc_team", 1);

    // WHEN each send fails, THEN the notice is due again after 1, 2, 4, 8 and 16 minutes, as kept
    assertEquals(PendingNotices.Failed.RETRY, await(pending.failed(first)));
    Pending last = first;
    for (int attempt = 2; attempt <= PendingNotices.MAX_ATTEMPTS; attempt++) {
      Duration backOff = PendingNotices.FIRST_BACKOFF.multipliedBy(1L << (attempt - 2));
      clock.advance(backOff.minusSeconds(5));
      assertEquals(List.of(), await(pending.takeDue()).taken(), "due before its back-off ended");
      clock.advance(Duration.ofSeconds(5));
      List<Pending> taken = await(pending.takeDue()).taken();
      assertEquals(List.of(new Pending(notice, "oc_team", attempt)), taken);
      last = taken.get(0);
      if (attempt < PendingNotices.MAX_ATTEMPTS) {
        assertEquals(PendingNotices.Failed.RETRY, await(pending.failed(last)));
      }
    }
    // AND the last failed send gives it up
    assertEquals(PendingNotices.Failed.GIVEN_UP, await(pending.failed(last)));
    clock.advance(Duration.ofHours(1));
    assertEquals(new Due(List.of(), List.of(), List.of()), await(pending.takeDue()));
  }

  private static void aSendThatNeverSettledIsTakenAgain(Database db) {
    MutableClock clock = MutableClock.atNow();
    PendingNotices pending = new PendingNotices(db, clock);
    Notice notice = notice(clock);
    await(pending.add(notice, List.of("oc_team", "oc_other")));
    await(pending.done(new Pending(notice, "oc_other", 1)));

    // WHEN the process sending it stops, THEN the notice is due when the send's lease ends, to the chat without it
    clock.advance(PendingNotices.LEASE.plusSeconds(1));
    assertEquals(List.of(new Pending(notice, "oc_team", 2)), await(pending.takeDue()).taken());
  }

  private static void notSentAgainPastTheUuidWindow(Database db) {
    MutableClock clock = MutableClock.atNow();
    PendingNotices pending = new PendingNotices(db, clock);
    Notice notice = notice(clock);
    // GIVEN a notice whose first send was under way (it may have reached Feishu) when every replica stopped
    await(pending.add(notice, List.of("oc_team")));

    // WHEN a replica looks again only after Feishu's one-hour uuid window, in which a repeat would post nothing
    clock.advance(Duration.ofHours(1));

    // THEN the notice is given up, not sent again: a second send could post a second message
    Due due = await(pending.takeDue());
    assertEquals(List.of(), due.taken(), "not sent again outside the uuid window");
    assertEquals(List.of(new Pending(notice, "oc_team", 1)), due.expired());
    assertEquals(new Due(List.of(), List.of(), List.of()), await(pending.takeDue()), "nothing left");
  }

  private static void oneReplicaTakesEach(Database one, Database other) {
    MutableClock clock = MutableClock.atNow();
    PendingNotices first = new PendingNotices(one, clock);
    PendingNotices second = new PendingNotices(other, clock);
    List<String> chats = IntStream.range(0, 40).mapToObj(i -> "oc_" + i).toList();
    await(first.add(notice(clock), chats));
    clock.advance(PendingNotices.LEASE.plusSeconds(1));

    // WHEN two replicas take what is due at once
    Future<Due> a = first.takeDue();
    Future<Due> b = second.takeDue();
    await(Future.all(a, b));

    // THEN each chat's notice was taken by one of them
    List<String> taken = Stream.of(a.result(), b.result()).flatMap(d -> d.taken().stream())
        .map(Pending::chatId).toList();
    assertEquals(chats.size(), taken.size(), "each taken once: " + taken);
    assertEquals(Set.copyOf(chats), new HashSet<>(taken));
  }

  @Nested
  class OnH2 {
    @RegisterExtension
    final MemoryDatabase memory = new MemoryDatabase();

    @Test
    @DisplayName("a notice whose sends fail is due again after 1, 2, 4, 8, 16 min, and given up after the sixth")
    void backOff() {
      retriedWithBackOffThenGivenUp(memory.db);
    }

    @Test
    @DisplayName("a notice whose sender stopped is due again when the send's lease ends, to the chats without it")
    void senderStopped() {
      aSendThatNeverSettledIsTakenAgain(memory.db);
    }

    @Test
    @DisplayName("a notice whose sender stopped, found after Feishu's one-hour uuid window, is given up, not sent again")
    void pastTheUuidWindow() {
      notSentAgainPastTheUuidWindow(memory.db);
    }

    @Test
    @DisplayName("two takers at once take each chat's notice once")
    void oneTaker() {
      oneReplicaTakesEach(memory.db, memory.db);
    }
  }

  @Nested
  class OnPostgres {
    @RegisterExtension
    final PostgresDatabase postgres = new PostgresDatabase();

    @Test
    @DisplayName("a notice whose sends fail is due again after each back-off, then given up (PostgreSQL)")
    void backOff() {
      retriedWithBackOffThenGivenUp(postgres.db);
    }

    @Test
    @DisplayName("two replicas on one PostgreSQL taking what is due at once take each chat's notice once")
    void oneReplica() {
      Database other = await(Database.open(postgres.vertx, postgres.url(), "postgres", "postgres"));
      try {
        oneReplicaTakesEach(postgres.db, other);
      } finally {
        other.close();
      }
    }
  }
}
