package io.hirebot.store;

import static io.hirebot.testing.MemoryDatabase.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.access.AuditEntry;
import io.hirebot.bot.ActionResult;
import io.hirebot.bot.Toast;
import io.hirebot.hire.OwnChange;
import io.hirebot.hire.TerminationReason;
import io.hirebot.i18n.Language;
import io.hirebot.schedule.MutableClock;
import io.hirebot.testing.Eventually;
import io.hirebot.testing.MemoryDatabase;
import io.hirebot.testing.PostgresDatabase;
import io.hirebot.testing.WholeCharacters;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A text too long for its column is stored cut, and what is read back (a notice's talent, a held job's label, a
 * replayed toast, a parked event's error, an audit detail) keeps its characters whole on each database the bot runs on:
 * an emoji, or a rare Chinese character outside the BMP (a name's 𠮷), where the column ends is left out whole, never
 * kept as half a surrogate pair, which Feishu may refuse or show as garbage.
 */
class StoredCutsTest {
  @RegisterExtension
  static final MemoryDatabase h2 = new MemoryDatabase();
  @RegisterExtension
  static final PostgresDatabase postgres = new PostgresDatabase();

  /** Where a text is stored: H2 counts a VARCHAR's length in UTF-16 units, PostgreSQL in code points. */
  enum On {
    H2, POSTGRESQL
  }

  /** Each database, with an emoji and with a Chinese character outside the BMP where the column ends. */
  static Stream<Arguments> cases() {
    return Stream.of(On.values()).flatMap(on -> Stream.of(Arguments.of(on, "a", "😀"), Arguments.of(on, "张", "𠮷")));
  }

  private static Vertx vertx(On on) {
    return on == On.H2 ? h2.vertx : postgres.vertx;
  }

  private static Database db(On on) {
    return on == On.H2 ? h2.db : postgres.db;
  }

  /**
   * A text whose first {@code cut} UTF-16 units end with the first half of {@code character}: {@code filler} (one
   * unit) {@code cut - 1} times, then {@code character} (two units) until well past the cut.
   */
  private static String splitAt(int cut, String filler, String character) {
    return filler.repeat(cut - 1) + character.repeat(20);
  }

  /** Runs {@code site} on the text split at {@code max} (emoji or Chinese) and checks it read back whole. */
  private static void cutWhole(String filler, String character, int max, Function<String, String> site) {
    String stored = site.apply(splitAt(max, filler, character));
    WholeCharacters.assertWhole(stored);
    assertEquals(filler.repeat(max - 1), stored, "the whole characters that fit the column");
  }

  @ParameterizedTest(name = "{0} {1}{2}")
  @MethodSource("cases")
  @DisplayName("a pending notice's talent name, cut to its column, names the talent in whole characters")
  void pendingNoticeName(On on, String filler, String character) {
    cutWhole(filler, character, 200, name -> {
      MutableClock clock = MutableClock.atNow();
      PendingNotices pending = new PendingNotices(db(on), clock);
      OwnChange rejection = new OwnChange(OwnChange.Kind.REJECT, "a_" + UUID.randomUUID(),
          clock.instant().truncatedTo(ChronoUnit.MILLIS), "ou_li", "s1", null, "s1", false,
          new TerminationReason("r1", "不合适", "Not a fit", TerminationReason.WE_REJECTED, true));
      await(pending.add(new PendingNotices.Notice("notify:" + rejection.applicationId(), rejection, "j1", "t1", name),
          List.of("oc_team")));
      clock.advance(PendingNotices.LEASE.plusSeconds(1));
      return await(pending.takeDue()).taken().stream().filter(p -> p.notice().change().equals(rejection)).findFirst()
          .orElseThrow().notice().talentName();
    });
  }

  @ParameterizedTest(name = "{0} {1}{2}")
  @MethodSource("cases")
  @DisplayName("an application's talent name, remembered for its deletion notice, is kept in whole characters")
  void applicationTalentName(On on, String filler, String character) {
    cutWhole(filler, character, 200, name -> {
      ApplicationJobs jobs = new ApplicationJobs(db(on), Clock.systemUTC());
      String id = "app_" + UUID.randomUUID();
      await(jobs.remember(new ApplicationJobs.Known(id, "j1", "t1", name)));
      return await(jobs.find(id)).orElseThrow().talentName();
    });
  }

  @ParameterizedTest(name = "{0} {1}{2}")
  @MethodSource("cases")
  @DisplayName("a held notification's job label comes back to the quiet-hours batch in whole characters")
  void heldJobLabel(On on, String filler, String character) {
    cutWhole(filler, character, HeldNotifications.MAX_JOB_LABEL, label -> {
      HeldNotifications held = new HeldNotifications(db(on), Clock.fixed(Instant.now(), ZoneOffset.UTC));
      String chat = "oc_" + UUID.randomUUID();
      HeldNotifications.Change change = new HeldNotifications.Change(Map.of(Language.EN, "Alice moved", Language.ZH,
          "Alice 进入面试"), "job_1", label, null);
      await(held.route("k:" + chat, chat, true, "en_us", () -> change));
      return await(held.release(chat, "token-" + chat)).get(0).change().jobLabel();
    });
  }

  @ParameterizedTest(name = "{0} {1}{2}")
  @MethodSource("cases")
  @DisplayName("a click replayed on another replica answers with the first click's long toast in whole characters")
  void replayedToast(On on, String filler, String character) {
    cutWhole(filler, character, 1800, text -> {
      String key = "note:" + UUID.randomUUID();
      Toast toast = new Toast(Toast.Type.ERROR, Map.of(Language.EN, text, Language.ZH, text));
      await(replica(on).once(key, () -> Future.succeededFuture(ActionResult.of(toast))));
      holds(() -> !await(db(on).run(c -> Rows.list(c, "SELECT outcome FROM action_keys WHERE idem_key = ? AND outcome "
          + "IS NOT NULL", s -> s.setString(1, key), r -> r.getString(1)))).isEmpty());
      Toast replayed = await(replica(on).once(key,
          () -> Future.failedFuture(new AssertionError("the click acted twice")))).toast();
      assertEquals(replayed.text(Language.EN), replayed.text(Language.ZH));
      return replayed.text(Language.EN);
    });
  }

  @ParameterizedTest(name = "{0} {1}{2}")
  @MethodSource("cases")
  @DisplayName("an event's error, as admins see it among failed events, is cut in whole characters and ends with …")
  void eventError(On on, String filler, String character) {
    int max = JdbcProcessedEvents.ERROR_CHARS;
    String stored = eventErrorStored(on, splitAt(max - 1, filler, character));
    WholeCharacters.assertWhole(stored);
    assertEquals(filler.repeat(max - 2) + "…", stored);
  }

  private static String eventErrorStored(On on, String error) {
    JdbcProcessedEvents events = new JdbcProcessedEvents(db(on), Clock.systemUTC());
    String key = "ev_" + UUID.randomUUID();
    assertTrue(await(events.claim(key, "{}")));
    await(events.failed(key, error));
    return await(db(on).run(c -> Rows.list(c, "SELECT last_error FROM processed_events WHERE event_key = ?",
        s -> s.setString(1, key), r -> r.getString(1)))).get(0);
  }

  @ParameterizedTest(name = "{0} {1}{2}")
  @MethodSource("cases")
  @DisplayName("an audit entry's detail is stored in whole characters")
  void auditDetail(On on, String filler, String character) {
    cutWhole(filler, character, JdbcAuditLog.MAX_DETAIL, detail -> {
      String actor = "ou_" + UUID.randomUUID();
      JdbcAuditLog audit = new JdbcAuditLog(db(on));
      audit.record(new AuditEntry(Instant.now(), actor, "oc_team", "command.ListJobs", "", "", detail, "ok", ""));
      holds(() -> await(audit.latest(50)).stream().anyMatch(e -> e.actorOpenId().equals(actor)));
      return await(audit.latest(50)).stream().filter(e -> e.actorOpenId().equals(actor)).findFirst().orElseThrow()
          .detail();
    });
  }

  /** A replica of its own: its in-memory map knows no click, so a key claimed before is read from the table. */
  private static JdbcActionOnce replica(On on) {
    return new JdbcActionOnce(vertx(on), db(on), Clock.systemUTC(),
        () -> ActionResult.of(Toast.verbatim(Toast.Type.INFO, "still running")));
  }

  private static void holds(java.util.concurrent.Callable<Boolean> condition) {
    try {
      assertTrue(Eventually.holds(condition, 10), "stored");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
