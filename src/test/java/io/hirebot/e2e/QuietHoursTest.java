package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.TIMEOUT;
import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.i18n.DateTexts;
import io.hirebot.i18n.Language;
import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.SentMessage;
import io.hirebot.sandbox.hire.DemoTenant;
import io.hirebot.sandbox.hire.Talent;
import io.hirebot.sandbox.hire.Application;
import io.hirebot.sandbox.hire.Job;
import io.hirebot.sandbox.hire.Stage;
import io.hirebot.schedule.MutableClock;
import io.hirebot.store.Database;
import io.hirebot.store.HeldNotifications;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Quiet hours: notifications inside the window are held and arrive as one batch when it ends. */
class QuietHoursTest {
  private static final String TEAM = ImState.DEMO_TEAM_CHAT;
  /** The member DigestTest.say speaks as. */
  private static final String ALICE = "ou_user_alice";
  private static final MutableClock clock = MutableClock.atNow();
  @RegisterExtension
  static final BotHarness h = BotHarness.start(Map.of("HIREBOT_PORT", "0"), clock);

  /**
   * Completes once the bot's database holds {@code count} notifications for {@code chat} naming {@code name}, checking
   * every 50 ms (another test's rows for the chat do not count).
   */
  private static Future<Void> heldFor(String chat, String name, int count) {
    Database db = await(Database.open(h.vertx, h.config.dbUrl(), "", ""));
    Promise<Void> held = Promise.promise();
    long timer = h.vertx.setPeriodic(50, id -> db.run(c -> {
      try (var s = c.prepareStatement("SELECT COUNT(*) FROM held_notifications WHERE chat_id = ? AND summary LIKE ?")) {
        s.setString(1, chat);
        s.setString(2, "%" + name + "%");
        try (ResultSet r = s.executeQuery()) {
          r.next();
          return r.getLong(1) >= count;
        }
      }
    }).onSuccess(found -> {
      if (found) {
        held.tryComplete();
      }
    }));
    return held.future().onComplete(r -> {
      h.vertx.cancelTimer(timer);
      db.close();
    });
  }

  /**
   * The content of the first quiet-hours batch the bot posts in {@code chat} naming {@code name}, within TIMEOUT: not
   * any card naming them (a new application found only after the window ended is announced at once, on a card of its
   * own, which can arrive first).
   */
  private static String batchIn(String chat, String name) {
    return await(h.sandbox.im().awaitMessage(m -> chat.equals(m.chatId()) && m.parentId() == null
        && m.currentContent().toString().contains(name)
        && m.currentContent().toString().contains("during quiet hours"), TIMEOUT)).currentContent().toString();
  }

  @Test
  @DisplayName("'quiet off' says whether there were quiet hours to turn off")
  void quietOffWhenNone() {
    assertTrue(DigestTest.say(h, TEAM, "quiet off").contains("had no quiet hours"));
    assertTrue(DigestTest.say(h, TEAM, "quiet 22:00-08:00").contains("Quiet hours set"));
    assertTrue(DigestTest.say(h, TEAM, "quiet off").contains("Quiet hours turned off"));
  }

  @Test
  @DisplayName("a stage change in quiet hours is held, then delivered once in a batch when the window ends")
  void heldThenBatched() {
    DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
    ZoneId zone = ZoneId.of("Asia/Shanghai");
    String from = hhmm.format(clock.instant().minus(Duration.ofHours(1)).atZone(zone));
    String to = hhmm.format(clock.instant().plus(Duration.ofHours(1)).atZone(zone));
    DigestTest.say(h, TEAM, "subscribe job BE-001 to stage");
    assertTrue(DigestTest.say(h, TEAM, "quiet " + from + "-" + to).contains("Quiet hours set"));

    Job job = h.sandbox.hire().jobByCode("BE-001").orElseThrow();
    Application a = h.sandbox.hire().applicationsOfJob(job.id()).stream().filter(Application::active).findFirst()
        .orElseThrow();
    String name = h.sandbox.hire().talent(a.talentId()).orElseThrow().name();
    Stage target = h.sandbox.hire().stagesOf(job.id()).stream()
        .filter(s -> !s.id().equals(a.stageId()) && s.type() != 7).findFirst().orElseThrow();
    // The move pushes hire.application.stage_changed_v1 itself, as Feishu does; the test pushes the same change once
    // more, as if it happened in Hire 25 minutes before its event reached the bot (Hire says when in seconds). Both
    // are held before the window ends: one landing after it would be sent on its own.
    h.sandbox.hire().moveApplication(a.id(), target.id());
    Instant changedAt = clock.instant().minus(Duration.ofMinutes(25)).truncatedTo(ChronoUnit.MINUTES);
    await(h.sandbox.events().raw("hire.application.stage_changed_v1", new JsonObject().put("application_id", a.id())
        .put("origin_stage_id", a.stageId()).put("target_stage_id", target.id())
        .put("update_time", changedAt.getEpochSecond())));
    await(heldFor(TEAM, name, 2));
    assertEquals(0, DigestTest.sendsTo(h, TEAM, name).size(), "nothing sent inside quiet hours");

    h.runRoutines(h.bot);
    assertEquals(0, DigestTest.sendsTo(h, TEAM, name).size(), "still quiet");
    clock.advance(Duration.ofHours(2));
    h.runRoutines(h.bot);
    String batch = batchIn(TEAM, name);
    assertTrue(batch.contains("during quiet hours") && batch.contains(target.enName()), batch);
    // AND the batch reads in both languages, like the notification it holds
    assertTrue(batch.contains("免打扰期间的") && batch.contains(target.zhName()), batch);
    // AND it says when the change happened, in the chat's zone, and offers the job's candidates
    assertTrue(batch.contains(DateTexts.dateTime(changedAt, clock.instant().atZone(zone), Language.EN))
        && batch.contains(DateTexts.dateTime(changedAt, clock.instant().atZone(zone), Language.ZH)), batch);
    assertTrue(batch.contains("\"action\":\"candidates.show\"") && batch.contains("\"job_id\":\"" + job.id() + "\"")
        && batch.contains("Show candidates"), batch);
    h.runRoutines(h.bot);
    assertEquals(1, DigestTest.sendsTo(h, TEAM, name).size());
  }

  /**
   * {@code chat} (enabled) follows BE-001 and is in quiet hours from an hour ago to an hour from now, as {@code member}
   * said; then a new candidate, {@code name}, applies to BE-001. The new application.
   */
  private static Application quietWithNewCandidate(String chat, String member, String name) {
    h.enableGroup(chat);
    DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
    ZoneId zone = ZoneId.of("Asia/Shanghai");
    say(chat, member, "subscribe job BE-001");
    assertTrue(say(chat, member, "quiet " + hhmm.format(clock.instant().minus(Duration.ofHours(1)).atZone(zone))
        + "-" + hhmm.format(clock.instant().plus(Duration.ofHours(1)).atZone(zone))).contains("Quiet hours set"));
    Job job = h.sandbox.hire().jobByCode("BE-001").orElseThrow();
    Talent t = h.sandbox.hire().addTalent(name, null, null);
    return h.sandbox.hire().addApplication(job.id(), t.id(), h.sandbox.hire().stagesOf(job.id()).get(0).id());
  }

  /** As {@link DigestTest#say}, from {@code member}: one member's requests in this class can pass the per-user budget. */
  private static String say(String chat, String member, String text) {
    PushResult push = await(h.sandbox.events().message(MessageSpec.group(chat).from(member).mentioningBot()
        .text(text)));
    assertEquals(200, push.status(), push.body());
    return await(h.sandbox.im().awaitMessage(m -> push.messageId().equals(m.parentId()), TIMEOUT)).currentContent()
        .toString();
  }

  @Test
  @DisplayName("a batch Feishu refuses when the window ends is not lost: the next run sends it, once")
  void refusedBatchIsSentLater() {
    // GIVEN a group in its quiet hours that follows BE-001, and a new candidate's rejection held for it
    String chat = ImState.DEMO_BACKEND_CHAT;
    Application a = quietWithNewCandidate(chat, "ou_user_rhea", "Rhea Retried");
    Talent t = h.sandbox.hire().talent(a.talentId()).orElseThrow();
    // The admin rejects: Li's requests in this class are near the per-user budget (10 at once, then 30 a minute).
    SentMessage list = h.ask(MessageSpec.p2p(DemoTenant.ADMIN_ZHOU).text("candidates for BE-001"));
    Rejections.fromRow(h, list, a.id(), DemoTenant.ADMIN_ZHOU);
    await(heldFor(chat, t.name(), 1));

    // WHEN the window ends while Feishu refuses every send (a 500 "internal error"), then answers again
    clock.advance(Duration.ofHours(2));
    h.sandbox.faults().failAlways("POST", "/open-apis/im/v1/messages", 500, 1, "internal error");
    try {
      h.runRoutines(h.bot);
    } finally {
      h.sandbox.faults().clear();
    }
    assertEquals(0, DigestTest.sendsTo(h, chat, t.name()).size(), "Feishu took nothing");
    h.runRoutines(h.bot);

    // THEN the next run delivers the batch (on main: its rows stayed marked as released, and nothing ever sent them)
    String batch = batchIn(chat, t.name());
    assertTrue(batch.contains("during quiet hours") && batch.contains("rejected by"), batch);
    h.runRoutines(h.bot);
    assertEquals(1, DigestTest.sendsTo(h, chat, t.name()).size());
  }

  /**
   * A new candidate of {@code chat}'s quiet hours moves on in Hire (its event comes as Feishu pushes it; no list is
   * asked, so the other tests' lists of BE-001 stay as they are): the new application and the move are held.
   */
  private static Talent movedInQuietHours(String chat, String name) {
    Application a = quietWithNewCandidate(chat, "ou_user_rhea", name);
    Stage next = h.sandbox.hire().stagesOf(a.jobId()).get(1);
    h.sandbox.hire().moveApplication(a.id(), next.id());
    // The routines' poll finds the new application and holds its notice too: none of them is sent later on its own.
    h.runRoutines(h.bot);
    await(heldFor(chat, name, 2));
    return h.sandbox.hire().talent(a.talentId()).orElseThrow();
  }

  @Test
  @DisplayName("a batch a replica stamped as released and died before sending is sent by a later run, once")
  void strandedBatchIsSentOnce() {
    // GIVEN a stage change held for a quiet group, whose window has ended
    String chat = ImState.DEMO_BACKEND_CHAT;
    Talent t = movedInQuietHours(chat, "Stella Stranded");
    clock.advance(Duration.ofHours(2));

    // WHEN another replica's release run stamps the chat's rows as its own and dies before its send (or before giving
    // them back): the process is gone, its stamp stays
    Database other = await(Database.open(h.vertx, h.config.dbUrl(), "", ""));
    try {
      assertTrue(await(new HeldNotifications(other, clock).release(chat, "replica-that-died")).stream()
          .anyMatch(r -> r.change().summaries().values().toString().contains(t.name())), "the replica took the rows");
    } finally {
      other.close();
    }

    // THEN while the stamp may still be a live replica's send, this replica leaves the rows alone
    h.runRoutines(h.bot);
    assertEquals(0, DigestTest.sendsTo(h, chat, t.name()).size(), "a fresh stamp is another replica's send");
    // AND once it is older than any send takes, a run sends the batch (on main: never, the rows stayed stamped)
    clock.advance(HeldNotifications.STALE_RELEASE.plusMinutes(1));
    h.runRoutines(h.bot);
    String batch = batchIn(chat, t.name());
    assertTrue(batch.contains("during quiet hours") && batch.contains("moved from"), batch);
    h.runRoutines(h.bot);
    clock.advance(HeldNotifications.STALE_RELEASE.plusMinutes(1));
    h.runRoutines(h.bot);
    assertEquals(1, DigestTest.sendsTo(h, chat, t.name()).size(), "sent once");
  }

  @Test
  @DisplayName("a batch card Feishu refuses is sent once as a text message with the same notifications, and the next "
      + "runs send nothing more")
  void refusedCardArrivesAsText() {
    // GIVEN a stage change held for a quiet group
    String chat = ImState.DEMO_BACKEND_CHAT;
    Talent t = movedInQuietHours(chat, "Tara Textonly");

    // WHEN the window ends and Feishu refuses every card (over 30 KB, 230025), but takes text
    clock.advance(Duration.ofHours(2));
    h.sandbox.faults().refuseCards(230025, "The length of the message content reaches its limit");
    try {
      h.runRoutines(h.bot);
      h.runRoutines(h.bot);
      clock.advance(Duration.ofMinutes(1));
      h.runRoutines(h.bot);
    } finally {
      h.sandbox.faults().clear();
    }

    // THEN the group got the batch once, as a text message in both languages, naming the candidate and what happened
    var sent = DigestTest.sendsTo(h, chat, t.name());
    assertEquals(1, sent.size(), "one message");
    JsonObject body = sent.get(0).jsonBody();
    assertEquals("text", body.getString("msg_type"), body.encode());
    String text = new JsonObject(body.getString("content")).getString("text");
    assertTrue(text.contains("during quiet hours") && text.contains("免打扰期间") && text.contains("moved from")
        && text.contains("<b>" + t.name() + "</b>") && !text.contains("&#") && !text.contains("<person"), text);
    // AND once Feishu takes cards again nothing more is sent: the rows are done
    h.runRoutines(h.bot);
    assertEquals(1, DigestTest.sendsTo(h, chat, t.name()).size(), "nothing more");
  }

  @Test
  @DisplayName("a rejection made through the bot in quiet hours is held like a move, then delivered once in the batch "
      + "when the window ends")
  void rejectionHeldThenBatched() {
    // GIVEN a group that follows BE-001 and is in its quiet hours
    String chat = ImState.DEMO_BACKEND_CHAT;
    Application a = quietWithNewCandidate(chat, ALICE, "Quinn Quietreject");
    Talent t = h.sandbox.hire().talent(a.talentId()).orElseThrow();

    // WHEN the recruiter rejects the candidate from a list in their private chat
    SentMessage list = h.ask(MessageSpec.p2p(DemoTenant.RECRUITER_LI).text("candidates for BE-001"));
    PushResult rejected = Rejections.fromRow(h, list, a.id(), DemoTenant.RECRUITER_LI);
    assertEquals("success", rejected.jsonBody().getJsonObject("toast").getString("type"), rejected.body());

    // THEN the group's notification is held, not sent, until the window ends, and then comes in the batch
    await(heldFor(chat, t.name(), 1));
    assertEquals(0, DigestTest.sendsTo(h, chat, t.name()).size(), "nothing sent inside quiet hours");
    clock.advance(Duration.ofHours(2));
    h.runRoutines(h.bot);
    String batch = batchIn(chat, t.name());
    assertTrue(batch.contains("during quiet hours") && batch.contains("rejected by")
        && batch.contains(Rejections.reason(h).enName()), batch);
    h.runRoutines(h.bot);
    assertEquals(1, DigestTest.sendsTo(h, chat, t.name()).size());
  }

  @Test
  @DisplayName("a move made through the bot in quiet hours and its Undo are held, then batched saying who moved the "
      + "candidate and that the move back was an Undo, as the notifications would")
  void moveAndUndoHeldThenBatched() {
    // GIVEN a group that follows BE-001 and is in its quiet hours
    String chat = ImState.DEMO_BACKEND_CHAT;
    Application a = quietWithNewCandidate(chat, ALICE, "Quinn Quietmove");
    Talent t = h.sandbox.hire().talent(a.talentId()).orElseThrow();

    // WHEN the recruiter advances the candidate from a list in their private chat, and undoes it
    SentMessage list = h.ask(MessageSpec.p2p(DemoTenant.RECRUITER_LI).text("candidates for BE-001"));
    assertEquals("success", click(list, "advance", a).jsonBody().getJsonObject("toast").getString("type"));
    await(heldFor(chat, t.name(), 1));
    assertEquals("success", click(list, "undo", a).jsonBody().getJsonObject("toast").getString("type"));

    // THEN both are held, and the batch says who made each and that the second was an Undo
    await(heldFor(chat, t.name(), 2));
    clock.advance(Duration.ofHours(2));
    h.runRoutines(h.bot);
    String batch = batchIn(chat, t.name());
    String by = "by <person id=" + DemoTenant.RECRUITER_LI + " ";
    assertTrue(batch.contains("during quiet hours") && batch.contains(by) && batch.contains("with Undo")
        && batch.contains("撤销移回"), batch);
  }

  private static PushResult click(SentMessage card, String action, Application a) {
    String shown = h.sandbox.im().message(card.messageId()).orElseThrow().currentContent().toString();
    return await(h.sandbox.events().cardAction(io.hirebot.sandbox.CardActionSpec.on(card.messageId())
        .by(DemoTenant.RECRUITER_LI).tag("button").value(ButtonValues.only(shown, action, a.id()))));
  }
}
